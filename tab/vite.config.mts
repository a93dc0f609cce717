import { defineConfig } from 'vite';

/**
 * The tab builds to static files under dist/tab, served by the API's Express server at /tab (the
 * manifest's contentUrl). No React plugin: Vite's own transformer compiles TSX (automatic runtime), and
 * the production build needs nothing more.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/tab/',
  build: {
    outDir: '../dist/tab',
    emptyOutDir: true,
    manifest: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Fluent marks its modules 'use client' for React Server Components; meaningless in a browser bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3978' },
  },
});
