import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The server (pnpm start at the root) listens on :4000; in development the console proxies to it.
const server = 'http://localhost:4000';

export default defineConfig({
  plugins: [vue()],
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
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
