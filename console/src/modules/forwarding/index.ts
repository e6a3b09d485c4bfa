import type { RouteRecordRaw } from 'vue-router';

export const forwardingRoutes: RouteRecordRaw[] = [
  {
    path: '/forwardings',
    name: 'forwardings',
    component: () => import('./routes/AfnamesPage.vue'),
    meta: { titleKey: 'afnames.title' },
  },
  {
    path: '/mijn-machtigingen',
    name: 'my-authorisations',
    component: () => import('./routes/MyAuthorisationsPage.vue'),
    meta: { titleKey: 'myAuthorisations.title' },
  },
];
