// Build step: bundle the CLI into dist/bundle/ with esbuild. Node resolves and compiles one
// file instead of hundreds of small modules, which halves a cold start (the pre-commit case).
// Heavy parts stay in lazily loaded chunks (compromise, the Markdown parser).
// The bundle sits at the same depth as dist/cli/, so import.meta.url-relative paths to
// package.json, schema/ and rules/ resolve the same in both.
import { build } from 'esbuild';

await build({
  entryPoints: { replylint: 'dist/cli/index.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Prefer packages' ESM builds: jsonc-parser's UMD build requires its own files at run time,
  // which a bundle cannot follow.
  mainFields: ['module', 'main'],
  chunkNames: 'chunks/[name]-[hash]',
  // cosmiconfig can load TypeScript configs through the typescript package; we do not ship that.
  external: ['typescript'],
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __replylintRequire } from 'node:module'; const require = __replylintRequire(import.meta.url);" },
  logLevel: 'warning',
});
