import { cacheExchange, createClient, fetchExchange } from '@urql/vue';

// Same origin: the server serves the console at `/`, and `pnpm dev` proxies /graphql to it.
export const client = createClient({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  // urql sends short queries as GET by default; Apollo's CSRF prevention refuses a GET without a
  // preflight-forcing header, so every operation goes as a JSON POST.
  preferGetMethod: false,
});
