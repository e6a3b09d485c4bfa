import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';

/**
 * The institution a page shows, kept in the address as `?instelling=<code>` so a link or a reload
 * opens that hospital. Null: none chosen (hub staff then see every institution, where the page allows).
 */
export function useInstitutionParam() {
  const route = useRoute();
  const router = useRouter();
  return computed<string | null>({
    get: () => (typeof route.query['instelling'] === 'string' && route.query['instelling'] ? route.query['instelling'] : null),
    set: (code) => void router.replace({ query: { ...route.query, instelling: code ?? undefined } }),
  });
}
