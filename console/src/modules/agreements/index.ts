import type { RouteRecordRaw } from 'vue-router';

export const agreementsRoutes: RouteRecordRaw[] = [
  {
    path: '/beheer/overeenkomsten',
    name: 'agreements',
    component: () => import('./routes/AgreementsPage.vue'),
    meta: { titleKey: 'agreements.title' },
  },
];
