// Finds and reads config files (cosmiconfig, module name "replylint"), keeping source positions
// for JSON/YAML files so that every config problem is reported as path:line:col.
import { readFileSync } from 'node:fs';
import { basename, dirname, parse as parsePath, resolve } from 'node:path';
import { cosmiconfig, defaultLoaders, type Loader } from 'cosmiconfig';
import { ReplylintError, ReplylintErrors } from '../errors.js';
import { parseDataFile, type DataFile } from '../schema/data-file.js';
import { configValidator } from '../schema/schemas.js';
import { schemaErrors } from '../schema/validate.js';
import type { ConfigFile } from '../types.js';

export const SEARCH_PLACES = [
  'package.json',
  '.replylintrc',
  '.replylintrc.json',
  '.replylintrc.yaml',
  '.replylintrc.yml',
  '.replylintrc.js',
  '.replylintrc.cjs',
  '.replylintrc.mjs',
  'replylint.config.js',
  'replylint.config.cjs',
  'replylint.config.mjs',
];

/** A validated config file, with a way to point at any of its values. */
export interface LoadedConfig {
  file: string;
  dir: string;
  config: ConfigFile;
  /** points at a path inside the config (package.json: inside its "replylint" key) */
  error(message: string, path: Array<string | number>, key?: boolean): ReplylintError;
}

export class ConfigLoader {
  private readonly dataFiles = new Map<string, DataFile>();
  private readonly loaded = new Map<string, LoadedConfig>();
  private explorerInstance: ReturnType<typeof cosmiconfig> | undefined;

  /** Made on first use, inside error handling: cosmiconfig reads the working folder's package.json as it starts. */
  private get explorer(): ReturnType<typeof cosmiconfig> {
    const dataLoader: Loader = (filepath, content) => {
      const data = parseDataFile(content, filepath);
      this.dataFiles.set(filepath, data);
      return data.value;
    };
    return (this.explorerInstance ??= cosmiconfig('replylint', {
      searchPlaces: SEARCH_PLACES,
      stopDir: parsePath(process.cwd()).root,
      loaders: { ...defaultLoaders, '.json': dataLoader, '.yaml': dataLoader, '.yml': dataLoader, noExt: dataLoader },
    }));
  }

  /** The nearest config from `dir` upwards, or undefined. */
  async search(dir: string): Promise<LoadedConfig | undefined> {
    const result = await this.wrap(dir, () => this.explorer.search(dir));
    return result ? this.validate(result.filepath, result.config) : undefined;
  }

  /** A config file named on the command line or in `extends`. */
  async load(file: string): Promise<LoadedConfig> {
    const path = resolve(file);
    const result = await this.wrap(path, () => this.explorer.load(path));
    // An empty file is a config with nothing in it.
    return this.validate(path, result?.config ?? {});
  }

  private async wrap<T>(file: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ReplylintError) throw error;
      const e = error as NodeJS.ErrnoException;
      if (e.code === 'ENOENT') throw new ReplylintError('config file not found', e.path ?? file);
      if (e.code === 'EISDIR') throw new ReplylintError('config path is a folder, not a file', e.path ?? file);
      // cosmiconfig's own package.json reading fails with "JSON Error in <path>": locate it ourselves.
      const broken = /JSON Error in (.+?\.json):/.exec(e.message ?? '')?.[1];
      if (broken) parseDataFile(readFileSync(broken, 'utf8'), broken); // throws the located syntax error
      // A JS config that throws, or a package.json that is not JSON.
      throw new ReplylintError(`cannot load config: ${e.message.split('\n')[0]}`, file);
    }
  }

  private validate(file: string, value: unknown): LoadedConfig {
    const cached = this.loaded.get(file);
    if (cached) return cached;
    const data = this.dataFiles.get(file);
    const prefix = basename(file) === 'package.json' ? ['replylint'] : [];
    const view: DataFile = data
      ? {
          ...data,
          value,
          locate: (path, key) => data.locate([...prefix, ...path], key),
          error: (message, path, key) => data.error(message, [...prefix, ...path], key),
        }
      : // A JS config has no source positions: its problems name the file alone.
        { file, value, locate: () => ({ line: 0, column: 0 }), error: (message) => new ReplylintError(message, file) };
    const errors = schemaErrors(configValidator(), view);
    if (errors.length) throw new ReplylintErrors(errors);
    const loaded: LoadedConfig = { file, dir: dirname(file), config: value as ConfigFile, error: view.error };
    this.loaded.set(file, loaded);
    return loaded;
  }
}
