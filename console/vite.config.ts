import { defaultClientConditions, defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The server (pnpm start at the root) listens on :4000; in development the console proxies to it.
const server = 'http://localhost:4000';

export default defineConfig({
  plugins: [vue()],
  resolve: {
    // The validation engine (@datahub/validation, the workspace package in server/validation) is
    // bundled from its TypeScript source, as ESM: its `source` export condition. The `browser`
    // condition gives it csv-parse's browser build (its package.json `imports`).
    conditions: ['source', ...defaultClientConditions],
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
