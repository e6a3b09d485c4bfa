import type { RouteRecordRaw } from 'vue-router';

export const authorisationsRoutes: RouteRecordRaw[] = [
  {
    path: '/beheer/machtigingen',
    name: 'authorisations',
    component: () => import('./routes/AuthorisationsPage.vue'),
    meta: { titleKey: 'authorisations.title' },
  },
  {
    path: '/beheer/verwerkers',
    name: 'processors',
    component: () => import('./routes/ProcessorsPage.vue'),
    meta: { titleKey: 'processors.title' },
  },
];
