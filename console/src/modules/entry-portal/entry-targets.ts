import { shallowRef } from 'vue';
import { client } from '../../graphql/client';
import type { EntryPortalTargetsQuery } from '../../graphql/generated/graphql';
import { entryPortalTargetsQuery } from './entry-portal.queries';

export type EntryTarget = EntryPortalTargetsQuery['entryPortalTargets'][number];

/**
 * Where the signed-in submitter enters records by hand, as the server said: the menu shows
 * "Invoeren" only when there is somewhere. Loaded once per sign-in; the server checks every request.
 */
export const entryTargets = shallowRef<EntryTarget[]>([]);
let loadedFor: string | null = null;

export async function loadEntryTargets(userId: string): Promise<void> {
  if (loadedFor === userId) return;
  loadedFor = userId;
  const result = await client.query(entryPortalTargetsQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  entryTargets.value = result.data?.entryPortalTargets ?? [];
}

export function forgetEntryTargets(): void {
  loadedFor = null;
  entryTargets.value = [];
}
