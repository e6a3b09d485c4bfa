import { computed, shallowRef } from 'vue';
import { client } from '../../graphql/client';
import type { MeFieldsFragment, Role } from '../../graphql/generated/graphql';
import { meQuery } from './access.queries';

/**
 * Who is signed in, as the server last said. Only for showing and hiding things: the server checks
 * every request itself, and a stale value is corrected by its UNAUTHENTICATED or FORBIDDEN answer.
 */
export const me = shallowRef<MeFieldsFragment | null>(null);
let loaded: Promise<MeFieldsFragment | null> | null = null;

/** Asks the server (once, or again with `refresh`); a failed request counts as not signed in. */
export function loadMe(refresh = false): Promise<MeFieldsFragment | null> {
  if (!loaded || refresh) {
    loaded = client
      .query(meQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        me.value = result.data?.me ?? null;
        return me.value;
      });
  }
  return loaded;
}

export function forgetMe(): void {
  me.value = null;
  loaded = Promise.resolve(null);
}

export const signedIn = computed(() => me.value?.stage === 'SIGNED_IN');

export function hasRole(...roles: Role[]): boolean {
  return signedIn.value && (me.value?.user.roles.some((r) => roles.includes(r.role)) ?? false);
}

/** Institutions the user administers (LOCAL_ADMIN), by code, without duplicates. */
export const administeredInstitutions = computed(() => {
  const seen = new Map<string, { code: string; name: string }>();
  for (const role of me.value?.user.roles ?? []) {
    if (role.role === 'LOCAL_ADMIN' && role.institution) {
      seen.set(role.institution.code, { code: role.institution.code, name: role.institution.name });
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
});

/**
 * Only a same-site path is followed after login (`/beheer/gebruikers?…`), never `//host` or a
 * full URL: the `redirect` parameter comes from a link anyone can craft.
 */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}
