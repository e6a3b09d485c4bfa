import type { RouteRecordRaw } from 'vue-router';

export const participationsRoutes: RouteRecordRaw[] = [
  {
    // A local administrator's registries: sign-up, states, go-live checklist, history.
    path: '/registraties',
    name: 'registrations',
    component: () => import('./routes/RegistrationsPage.vue'),
    meta: { titleKey: 'participations.registrations.title' },
  },
  {
    // Hub staff's board of every participation.
    path: '/deelnames',
    name: 'participation-board',
    component: () => import('./routes/BoardPage.vue'),
    meta: { titleKey: 'participations.board.title' },
  },
];
