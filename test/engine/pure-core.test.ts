// DESIGN.md: the core (lintText, checks, formatters) touches no file system, argv, console or
// process, so it runs in a language server and a browser page. Bundling it for the browser
// fails on any Node built-in it reaches.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the pure core', () => {
  it('bundles for the browser with no Node built-ins and no process access', async () => {
    const result = await build({
      stdin: {
        contents: [
          "export { lintText } from './src/engine/lint-text.ts';",
          "export { RuleRegistry } from './src/rules/registry.ts';",
          "export { formatJson } from './src/format/json.ts';",
          "export { formatStylish } from './src/format/stylish.ts';",
        ].join('\n'),
        resolveDir: new URL('../../', import.meta.url).pathname,
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.startsWith('node:'))).toBe(false);
    const ours = inputs.filter((i) => i.startsWith('src/'));
    expect(ours).toContain('src/engine/lint-text.ts');
    for (const file of ours) {
      expect(file).not.toMatch(/^src\/(cli|api|config)\//);
      // Our own modules never touch process state or the console (dependencies may feature-detect).
      const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/\bprocess\.|\bconsole\./);
    }
  }, 60_000);
});
