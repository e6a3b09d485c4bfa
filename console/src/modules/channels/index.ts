import type { RouteRecordRaw } from 'vue-router';

export const channelsRoutes: RouteRecordRaw[] = [
  {
    path: '/beheer/kanalen',
    name: 'channels',
    component: () => import('./routes/ChannelSwitchPage.vue'),
    meta: { titleKey: 'channels.title' },
  },
];
