import type { RouteRecordRaw } from 'vue-router';

export const deliveriesRoutes: RouteRecordRaw[] = [
  {
    // Bestanden aanleveren; the Overzicht links here with ?registry=&subDelivery=&period=.
    path: '/aanleveren',
    name: 'upload',
    component: () => import('./routes/UploadPage.vue'),
    meta: { titleKey: 'deliveries.upload.title' },
  },
  { path: '/upload', redirect: (to) => ({ path: '/aanleveren', query: to.query }) },
  {
    // Aangeleverd: the institution's deliveries.
    path: '/aangeleverd',
    name: 'deliveries',
    component: () => import('./routes/DeliveriesPage.vue'),
    meta: { titleKey: 'deliveries.list.title' },
  },
  { path: '/deliveries', redirect: (to) => ({ path: '/aangeleverd', query: to.query }) },
  {
    // One delivery (the processing mail links here): Voortgang and Verslag.
    path: '/aanleveringen/:id',
    name: 'delivery',
    component: () => import('./routes/DeliveryPage.vue'),
    props: true,
    meta: { titleKey: 'deliveries.detail.title' },
  },
  // The Overzicht's "Details" links use this path.
  { path: '/aangeleverd/:id', redirect: (to) => ({ name: 'delivery', params: { id: to.params['id'] } }) },
];
