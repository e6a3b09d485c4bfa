import type { RouteRecordRaw } from 'vue-router';
import { landingRoute } from '../access/landing';
import { loadMe } from '../access/session';

export const overviewsRoutes: RouteRecordRaw[] = [
  {
    // The landing page after login (the global guard has loaded who is signed in): each role its own (access/landing.ts).
    path: '/',
    name: 'home',
    component: () => import('./routes/LandingPage.vue'),
    beforeEnter: async () => {
      await loadMe();
      return { name: landingRoute() };
    },
    meta: { titleKey: 'overviews.title' },
  },
  {
    path: '/overzicht',
    name: 'overview',
    component: () => import('./routes/OverviewPage.vue'),
    meta: { titleKey: 'overviews.title' },
  },
  {
    path: '/verwacht',
    name: 'expected',
    component: () => import('./routes/ExpectedPage.vue'),
    meta: { titleKey: 'overviews.expected.title' },
  },
  {
    path: '/beheer/volledigheid',
    name: 'completeness',
    component: () => import('./routes/CompletenessPage.vue'),
    meta: { titleKey: 'overviews.completeness.title' },
  },
];
