import type { RouteRecordRaw } from 'vue-router';

export const accessRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./routes/LoginPage.vue'),
    meta: { titleKey: 'login.title', public: true },
  },
  {
    path: '/reset-password',
    name: 'reset-password-request',
    component: () => import('./routes/ResetRequestPage.vue'),
    meta: { titleKey: 'resetPassword.requestTitle', public: true },
  },
  {
    path: '/reset-password/:token',
    name: 'reset-password',
    component: () => import('./routes/ResetPasswordPage.vue'),
    props: true,
    meta: { titleKey: 'resetPassword.title', public: true },
  },
  {
    path: '/invitation/:token',
    name: 'invitation',
    component: () => import('./routes/InvitationPage.vue'),
    props: true,
    meta: { titleKey: 'invitation.title', public: true },
  },
  {
    path: '/account',
    name: 'account',
    component: () => import('./routes/AccountPage.vue'),
    meta: { titleKey: 'account.title' },
  },
];
