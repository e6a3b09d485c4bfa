import type { RouteRecordRaw } from 'vue-router';

export const mergersRoutes: RouteRecordRaw[] = [
  {
    // Hub staff only (the server refuses anyone else); mergers are structural changes DHD records.
    path: '/beheer/fusies',
    name: 'mergers',
    component: () => import('./routes/MergersPage.vue'),
    meta: { titleKey: 'mergers.title' },
  },
];
