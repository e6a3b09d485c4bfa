import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The server (pnpm start at the root) listens on :4000; in development the console proxies to it.
const server = 'http://localhost:4000';

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: [
      // The server's validation engine, shared so a file can be checked in the browser before it is
      // sent. Only its browser-safe entry point: node-files.ts and cli-validate.ts stay out.
      {
        find: /^@datahub\/validation$/,
        replacement: fileURLToPath(new URL('../server/src/validation/index.ts', import.meta.url)),
      },
      // csv-parse's default entry is Node's (node:stream). Its browser build (csv-parse/browser/esm)
      // brings an old stream polyfill the engine cannot drive; src/shims/csv-parse.ts drives that
      // build's parser core the way Node's stream does.
      {
        find: /^csv-parse$/,
        replacement: fileURLToPath(new URL('src/shims/csv-parse.ts', import.meta.url)),
      },
    ],
  },
  define: {
    // vue-i18n feature flags: Composition API only, no devtools hooks in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: {
      '/graphql': server,
      '/healthz': server,
      '/api': server,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
