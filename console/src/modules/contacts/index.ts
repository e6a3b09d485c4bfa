import type { RouteRecordRaw } from 'vue-router';

export const contactsRoutes: RouteRecordRaw[] = [
  {
    path: '/beheer/contactpersonen',
    name: 'contacts',
    component: () => import('./routes/ContactsPage.vue'),
    meta: { titleKey: 'contacts.title' },
  },
  {
    path: '/beheer/berichten',
    name: 'announcements',
    component: () => import('./routes/AnnouncementsPage.vue'),
    meta: { titleKey: 'announcements.title' },
  },
];
