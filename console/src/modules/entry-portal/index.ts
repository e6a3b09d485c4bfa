import type { RouteRecordRaw } from 'vue-router';

export const entryPortalRoutes: RouteRecordRaw[] = [
  {
    // Invoeren: doctors enter operations one patient at a time (CAT through the entry portal).
    path: '/invoeren',
    name: 'entry',
    component: () => import('./routes/EntryPortalPage.vue'),
    meta: { titleKey: 'entryPortal.title' },
  },
];

export { entryTargets, loadEntryTargets, forgetEntryTargets } from './entry-targets';
