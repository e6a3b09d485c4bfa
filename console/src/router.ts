import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import ComingSoon from './components/ComingSoon.vue';
import NotFound from './components/NotFound.vue';
import { registriesRoutes } from './modules/registries';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title, shown in the browser tab. */
    titleKey: string;
  }
}

/** Pages announced in the navigation whose modules are built in later issues. */
const comingSoon = (path: string, name: string, titleKey: string, descriptionKey: string) =>
  ({
    path,
    name,
    component: ComingSoon,
    props: { titleKey, descriptionKey },
    meta: { titleKey },
  }) satisfies RouteRecordRaw;

const routes: RouteRecordRaw[] = [
  ...registriesRoutes,
  comingSoon('/overview', 'overview', 'nav.overview', 'comingSoon.overview'),
  comingSoon('/deliveries', 'deliveries', 'nav.deliveries', 'comingSoon.deliveries'),
  comingSoon('/expected', 'expected', 'nav.expected', 'comingSoon.expected'),
  comingSoon('/upload', 'upload', 'nav.upload', 'comingSoon.upload'),
  comingSoon('/forwardings', 'forwardings', 'nav.forwardings', 'comingSoon.forwardings'),
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
