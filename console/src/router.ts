import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import NotFound from './components/NotFound.vue';
import { onUnauthenticated } from './graphql/client';
import { accessRoutes } from './modules/access';
import { agreementsRoutes } from './modules/agreements';
import { authorisationsRoutes } from './modules/authorisations';
import { channelsRoutes } from './modules/channels';
import { contactsRoutes } from './modules/contacts';
import { forgetMe, loadMe } from './modules/access/session';
import { deliveriesRoutes } from './modules/deliveries';
import { dataRequestsRoutes } from './modules/data-requests';
import { dictionariesRoutes } from './modules/dictionaries';
import { fileCheckRoutes } from './modules/file-check';
import { entryPortalRoutes } from './modules/entry-portal';
import { forwardingRoutes } from './modules/forwarding';
import { hubRoutes } from './modules/hub';
import { mergersRoutes } from './modules/mergers';
import { institutionsRoutes } from './modules/institutions';
import { overviewsRoutes } from './modules/overviews';
import { participationsRoutes } from './modules/participations';
import { registriesRoutes } from './modules/registries';
import { usersRoutes } from './modules/users';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title, shown in the browser tab. */
    titleKey: string;
    /** Reachable without signing in (login, password reset, invitation); shown without the menu. */
    public?: boolean;
  }
}

const routes: RouteRecordRaw[] = [
  ...overviewsRoutes,
  ...registriesRoutes,
  ...accessRoutes,
  ...usersRoutes,
  ...hubRoutes,
  ...mergersRoutes,
  ...institutionsRoutes,
  ...dictionariesRoutes,
  ...fileCheckRoutes,
  ...entryPortalRoutes,
  ...deliveriesRoutes,
  ...agreementsRoutes,
  ...authorisationsRoutes,
  ...contactsRoutes,
  ...channelsRoutes,
  ...participationsRoutes,
  ...forwardingRoutes,
  ...dataRequestsRoutes,
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: NotFound,
    meta: { titleKey: 'notFound.title' },
  },
];

// History mode: the server answers every unknown path with index.html (SPA fallback).
export const router = createRouter({
  history: createWebHistory(),
  routes,
});

// Every page but the public ones needs a finished login; the wanted page rides along in `redirect`.
// This only steers the browser: the server refuses every operation of a user without a session.
router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const current = await loadMe();
  if (current?.stage === 'SIGNED_IN') return true;
  return { name: 'login', query: { redirect: to.fullPath } };
});

// A session that ends while a page is open (idle limit, logout elsewhere, deactivation).
onUnauthenticated(() => {
  forgetMe();
  const current = router.currentRoute.value;
  if (current.meta.public) return;
  void router.replace({ name: 'login', query: { redirect: current.fullPath } });
});
