import type { RouteRecordRaw } from 'vue-router';

export const fileCheckRoutes: RouteRecordRaw[] = [
  {
    // Runs entirely in the browser: the file is read locally and never sent.
    path: '/controleren',
    name: 'check',
    component: () => import('./routes/FileCheckPage.vue'),
    meta: { titleKey: 'fileCheck.title' },
  },
];
