import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    // The calendar parser runs in a worker thread, which loads its own bundle beside index.js.
    build: {
      rollupOptions: {
        input: { index: resolve('electron/main.ts'), calendarParseWorker: resolve('electron/services/calendarWorker/parseWorker.ts') },
      },
    },
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve('electron/preload.ts') }, output: { format: 'cjs' } } },
  },
  renderer: {
    root: resolve('src/renderer'),
    // electron-vite leaves the renderer unminified by default; the views load as their own chunks.
    build: { minify: true, rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react()],
  },
});
