import type { RouteRecordRaw } from 'vue-router';

export const usersRoutes: RouteRecordRaw[] = [
  {
    // `?instelling=` keeps the chosen institution in the address, so a reload or a link keeps it.
    path: '/beheer/gebruikers',
    name: 'users',
    component: () => import('./routes/UsersPage.vue'),
    meta: { titleKey: 'nav.users' },
  },
];
