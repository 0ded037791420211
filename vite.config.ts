import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: one React app, built into dist/renderer with relative URLs so the same files load
// from file:// or app:// in Electron and from `nmetrics serve --ui` in a browser.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../../dist/renderer', emptyOutDir: true, sourcemap: true },
});
