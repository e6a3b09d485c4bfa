import type { RouteRecordRaw } from 'vue-router';
import { hasRole, loadMe } from '../access/session';

export const overviewsRoutes: RouteRecordRaw[] = [
  {
    // The landing page after login (the global guard has loaded who is signed in): institution users get their Overzicht, everyone else the registries.
    path: '/',
    name: 'home',
    component: () => import('./routes/LandingPage.vue'),
    beforeEnter: async () => {
      await loadMe();
      if (hasRole('LOCAL_ADMIN', 'SUBMITTER', 'VIEWER')) return '/overzicht';
      return '/registries';
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
