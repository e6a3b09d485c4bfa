import type { RouteRecordRaw } from 'vue-router';

export const registriesRoutes: RouteRecordRaw[] = [
  {
    // The start page for now; `/` moves to the overview once that page exists.
    path: '/',
    alias: '/registries',
    name: 'registries',
    component: () => import('./routes/RegistriesPage.vue'),
    meta: { titleKey: 'registries.title' },
  },
];
