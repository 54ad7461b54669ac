// Build step: bundle the CLI into dist/bundle/ with esbuild. Node resolves and compiles one
// file instead of hundreds of small modules, which halves a cold start (the pre-commit case).
// Heavy parts stay in lazily loaded chunks (compromise, the Markdown parser).
// The bundle and its chunks sit at the same depth as dist/cli/, so import.meta.url-relative paths
// to package.json, schema/ and rules/ resolve the same in both, whichever chunk the code lands in
// (the language server's chunk shares most of the core, so esbuild moves the core into a chunk).
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'esbuild';

// Chunk names carry content hashes: clear the old ones so a stale chunk is never shipped.
rmSync('dist/bundle', { recursive: true, force: true });

/**
 * fdir (tinyglobby's crawler) requires picomatch at load time, outside the bundle, for its own
 * glob API, which tinyglobby does not use (it passes fdir ready-made filters): loading that second
 * picomatch from node_modules was ~8 ms of every cold start. The require is dropped; if a future
 * fdir no longer has it, the build fails here rather than silently keep the cost.
 */
const fdirWithoutPicomatch = {
  name: 'fdir-without-picomatch',
  setup(b) {
    b.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const optional = /\t__require\.resolve\("picomatch"\);\n\tpm = __require\("picomatch"\);\n/;
      if (!optional.test(source)) throw new Error(`fdir's optional picomatch require was not found in ${path}: review scripts/bundle.js`);
      return { contents: source.replace(optional, ''), loader: 'js' };
    });
  },
};

/**
 * compromise merges each of its built-in plugins into its model at load time, one key at a time,
 * with `Object.assign(model, { [key]: value })`: a throwaway object per lexicon word, ~45 ms of a
 * cold start that loads it (~10%) and most of the garbage. A plain assignment does the same (the
 * function has already skipped the unsafe keys). If a future compromise no longer has the line,
 * the build fails here rather than silently keep the cost.
 */
const compromiseQuickMerge = {
  name: 'compromise-quick-merge',
  setup(b) {
    b.onLoad({ filter: /[\\/]compromise[\\/]src[\\/]API[\\/]extend\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const slow = /Object\.assign\(model, \{ \[key\]: plugin\[key\] \}\)/;
      if (!slow.test(source)) throw new Error(`compromise's per-key merge was not found in ${path}: review scripts/bundle.js`);
      return { contents: source.replace(slow, 'model[key] = plugin[key]'), loader: 'js' };
    });
  },
};

/**
 * compromise builds its lexicon at load time: it unpacks ~14,000 compressed words, conjugates and
 * inflects them into ~24,000 (preTagger/model/index.js), and uncompresses its conjugation models
 * (preTagger/model/models/index.js): ~60 ms of every cold start that tags a sentence. The result is
 * the same every time, so it is computed here, once, by importing those two modules, and the bundle
 * gets them as JSON, which V8 parses in ~10 ms. The lines replaced are checked: if a future
 * compromise changes them the build fails rather than ship a lexicon that differs.
 */
const compromiseModelDir = new URL('../node_modules/compromise/src/2-two/preTagger/model/', import.meta.url);
const compromisePrecomputed = {
  name: 'compromise-precomputed-lexicon',
  async setup(b) {
    const { default: model } = await import(new URL('index.js', compromiseModelDir).href);
    const { default: models } = await import(new URL('models/index.js', compromiseModelDir).href);
    const built = {
      lexicon: model.one.lexicon,
      _multiCache: model.one._multiCache,
      frozenLex: model.one.frozenLex,
      switches: model.two.switches,
      uncountable: model.two.uncountable,
    };
    // Only plain data survives JSON: prove nothing else is in it.
    const asJson = (value, what) => {
      const json = JSON.stringify(value);
      if (!isDeepStrictEqual(JSON.parse(json), value)) throw new Error(`compromise's ${what} is not plain JSON data: review scripts/bundle.js`);
      // A JS string literal holding the JSON: V8 parses JSON.parse('…') faster than an object literal.
      return JSON.stringify(json);
    };
    const edits = [
      [/^import \{ lexicon, switches, frozenLex \} from '\.\/lexicon\/index\.js'\n/m, `const { lexicon, switches, frozenLex, _multiCache, uncountable } = JSON.parse(${asJson(built, 'lexicon')})\n`],
      [/^import expandLexicon from '\.\/_expand\/index\.js'\n/m, ''],
      [/^    _multiCache: \{\},\n/m, '    _multiCache,\n'],
      [/^    uncountable: \{\},\n/m, '    uncountable,\n'],
      [/^model = expandLexicon\(model\)\n/m, ''],
    ];
    const modelsJson = asJson(models, 'conjugation models');
    b.onLoad({ filter: /[\\/]compromise[\\/]src[\\/]2-two[\\/]preTagger[\\/]model[\\/](index|models[\\/]index)\.js$/ }, ({ path }) => {
      if (/models[\\/]index\.js$/.test(path)) return { contents: `export default JSON.parse(${modelsJson})\n`, loader: 'js' };
      let source = readFileSync(path, 'utf8');
      for (const [line, replacement] of edits) {
        if (!line.test(source)) throw new Error(`compromise's lexicon set-up changed (${line} not found in ${path}): review scripts/bundle.js`);
        source = source.replace(line, replacement);
      }
      return { contents: source, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

const common = {
  outdir: 'dist/bundle',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Prefer packages' ESM builds: jsonc-parser's UMD build requires its own files at run time,
  // which a bundle cannot follow.
  mainFields: ['module', 'main'],
  // cosmiconfig can load TypeScript configs through the typescript package; we do not ship that.
  external: ['typescript'],
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __replylintRequire } from 'node:module'; const require = __replylintRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [fdirWithoutPicomatch, compromiseQuickMerge, compromisePrecomputed],
};

await build({
  ...common,
  entryPoints: { replylint: 'dist/cli/index.js' },
  splitting: true,
  chunkNames: '[name]-[hash]',
});

// The worker thread of --concurrency, as one file of its own beside the CLI bundle (src/api/pool.ts
// finds it there, wherever esbuild put the pool's code). Each worker loads it once.
await build({ ...common, entryPoints: { 'lint-worker': 'dist/api/lint-worker.js' } });
