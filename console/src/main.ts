import { createApp } from 'vue';
import urql from '@urql/vue';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { client } from './graphql/client';
import { i18n } from './i18n';
import { router } from './router';
import './styles.css';

const app = createApp(App).use(i18n).use(router).use(urql, client);
// Mount after the first navigation (and its login check), so no page flashes before a redirect.
void router.isReady().then(() => app.mount('#app'));
