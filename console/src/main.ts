import { createApp } from 'vue';
import urql from '@urql/vue';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { client } from './graphql/client';
import { i18n } from './i18n';
import { router } from './router';
import './styles.css';

createApp(App).use(i18n).use(router).use(urql, client).mount('#app');
