import type { RouteRecordRaw } from 'vue-router';

export const hubRoutes: RouteRecordRaw[] = [
  {
    path: '/beheer/organisaties',
    name: 'organisations',
    component: () => import('./routes/OrganisationsPage.vue'),
    meta: { titleKey: 'organisations.title' },
  },
  {
    // Hub staff see everything; a local administrator gets what concerns their institution.
    path: '/beheer/audit',
    name: 'audit',
    component: () => import('./routes/AuditPage.vue'),
    meta: { titleKey: 'audit.title' },
  },
];
