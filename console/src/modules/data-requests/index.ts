import type { RouteRecordRaw } from 'vue-router';

export const dataRequestsRoutes: RouteRecordRaw[] = [
  {
    // The requester's own requests (requesters; an institution's local administrators for its own data).
    path: '/gegevensverzoeken',
    name: 'my-data-requests',
    component: () => import('./routes/MyRequestsPage.vue'),
    meta: { titleKey: 'dataRequests.mine.title' },
  },
  {
    path: '/gegevensverzoeken/nieuw',
    name: 'data-request-new',
    component: () => import('./routes/RequestFormPage.vue'),
    meta: { titleKey: 'dataRequests.form.newTitle' },
  },
  {
    path: '/gegevensverzoeken/:id/bewerken',
    name: 'data-request-edit',
    component: () => import('./routes/RequestFormPage.vue'),
    props: true,
    meta: { titleKey: 'dataRequests.form.editTitle' },
  },
  {
    // The register of approved requests (every signed-in user); before ':id' so it is not read as one.
    path: '/gegevensverzoeken/register',
    name: 'data-request-register',
    component: () => import('./routes/RegisterPage.vue'),
    meta: { titleKey: 'dataRequests.register.title' },
  },
  {
    path: '/gegevensverzoeken/:id',
    name: 'data-request',
    component: () => import('./routes/RequestPage.vue'),
    props: true,
    meta: { titleKey: 'dataRequests.mine.title' },
  },
  {
    // Hub staff's queue and handling.
    path: '/beheer/gegevensverzoeken',
    name: 'data-request-queue',
    component: () => import('./routes/QueuePage.vue'),
    meta: { titleKey: 'dataRequests.queue.title' },
  },
  {
    path: '/beheer/gegevensverzoeken/:id',
    name: 'data-request-handle',
    component: () => import('./routes/HandlePage.vue'),
    props: true,
    meta: { titleKey: 'dataRequests.handle.title' },
  },
  {
    // A local administrator's consents and written orders.
    path: '/beheer/toestemmingen',
    name: 'data-request-consents',
    component: () => import('./routes/ConsentsPage.vue'),
    meta: { titleKey: 'dataRequests.consents.title' },
  },
];
