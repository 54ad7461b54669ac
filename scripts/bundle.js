// Build step: bundle the CLI into dist/bundle/ with esbuild. Node resolves and compiles one
// file instead of hundreds of small modules, which halves a cold start (the pre-commit case).
// Heavy parts stay in lazily loaded chunks (compromise, the Markdown parser).
// The bundle and its chunks sit at the same depth as dist/cli/, so import.meta.url-relative paths
// to package.json, schema/ and rules/ resolve the same in both, whichever chunk the code lands in
// (the language server's chunk shares most of the core, so esbuild moves the core into a chunk).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: clear the old ones so a stale chunk is never shipped.
rmSync('dist/bundle', { recursive: true, force: true });

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
