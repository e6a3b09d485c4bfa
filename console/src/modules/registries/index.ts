import type { RouteRecordRaw } from 'vue-router';

export const registriesRoutes: RouteRecordRaw[] = [
  {
    // `/` is the landing route of the overviews module (Overzicht for institution users).
    path: '/registries',
    name: 'registries',
    component: () => import('./routes/RegistriesPage.vue'),
    meta: { titleKey: 'registries.title' },
  },
  {
    // Hub staff only: the server refuses every onboarding operation to anyone else.
    path: '/registers/onboarding',
    name: 'registry-onboarding',
    component: () => import('./routes/OnboardingPage.vue'),
    meta: { titleKey: 'onboarding.title' },
  },
];
