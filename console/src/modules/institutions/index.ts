import type { RouteRecordRaw } from 'vue-router';

export const institutionsRoutes: RouteRecordRaw[] = [
  {
    // Hub staff: every institution, with search; `?zoek=` keeps the search in the address.
    path: '/instellingen',
    name: 'institutions',
    component: () => import('./routes/InstitutionsPage.vue'),
    meta: { titleKey: 'institutionAdmin.title' },
  },
  {
    // One institution: gegevens, afdelingen, deelnames, lokale beheerders, overeenkomsten, geschiedenis.
    path: '/instellingen/:code',
    name: 'institution',
    component: () => import('./routes/InstitutionPage.vue'),
    props: true,
    meta: { titleKey: 'institutionAdmin.detailTitle' },
  },
  {
    // Afwijkende deadlines of one institution: local administrators read them, hub staff change them; `?instelling=` keeps the choice.
    path: '/beheer/deadlines',
    name: 'deadline-exceptions',
    component: () => import('./routes/DeadlineExceptionsPage.vue'),
    meta: { titleKey: 'institutionAdmin.deadlines.pageTitle' },
  },
];
