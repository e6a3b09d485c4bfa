import { cacheExchange, createClient, fetchExchange, mapExchange } from '@urql/vue';
import { i18n } from '../i18n';
import { errorCodeOf } from './errors';

let unauthenticated: () => void = () => {};

/**
 * What to do when the server answers UNAUTHENTICATED (session ended, idle or absolute limit): the
 * router registers this, so the client does not import the router (which imports every page).
 */
export function onUnauthenticated(handler: () => void): void {
  unauthenticated = handler;
}

// Same origin: the server serves the console at `/`, and `pnpm dev` proxies /graphql to it. The
// session is an HttpOnly cookie the browser sends by itself; nothing about it is kept in JS.
export const client = createClient({
  url: '/graphql',
  exchanges: [
    mapExchange({
      onError(error) {
        if (errorCodeOf(error) === 'UNAUTHENTICATED') unauthenticated();
      },
    }),
    cacheExchange,
    fetchExchange,
  ],
  // urql sends short queries as GET by default; Apollo's CSRF prevention refuses a GET without a
  // preflight-forcing header, so every operation goes as a JSON POST.
  preferGetMethod: false,
  // Before login the server words refusals in the browser's language; this makes it the console's.
  fetchOptions: () => ({ headers: { 'Accept-Language': i18n.global.locale.value } }),
});
