// Vite config of the browser playground: a static page over the linting core, hostable from any path.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs, so the built folder works wherever it is copied.
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
