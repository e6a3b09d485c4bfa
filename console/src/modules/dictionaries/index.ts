import type { RouteRecordRaw } from 'vue-router';

// Dictionaries are published specifications (the API serves them publicly); the console shows
// them behind login like every other page.
export const dictionariesRoutes: RouteRecordRaw[] = [
  {
    path: '/datadictionaries',
    name: 'dictionaries',
    component: () => import('./routes/DictionariesPage.vue'),
    meta: { titleKey: 'dictionaries.title' },
  },
  {
    path: '/datadictionaries/:registry/:subDelivery/:version',
    name: 'dictionary',
    component: () => import('./routes/DictionaryPage.vue'),
    props: true,
    meta: { titleKey: 'dictionaries.title' },
  },
];
