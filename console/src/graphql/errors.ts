import type { CombinedError } from '@urql/vue';

/**
 * The id the server logs a masked error under (SECURITY.md), so a user can quote it to the service
 * desk. Only a string is accepted: extensions are untyped JSON from the wire.
 */
export function correlationIdOf(error: CombinedError): string | undefined {
  const id = error.graphQLErrors[0]?.extensions?.['correlationId'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}
