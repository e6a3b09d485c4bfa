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
];
