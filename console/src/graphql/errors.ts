import type { CombinedError } from '@urql/vue';
import { i18n } from '../i18n';

/**
 * The id the server logs a masked error under (docs/security.md#apollo-server), so a user can quote it to the service
 * desk. Only a string is accepted: extensions are untyped JSON from the wire.
 */
export function correlationIdOf(error: CombinedError): string | undefined {
  const id = error.graphQLErrors[0]?.extensions?.['correlationId'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** `extensions.code` of the first error: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, … */
export function errorCodeOf(error: CombinedError): string | undefined {
  const code = error.graphQLErrors[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
}

/**
 * One line for a failed action (a toast): FORBIDDEN in friendly words, BAD_USER_INPUT as the
 * server wrote it (those messages are for the client, in the user's language), anything else as a
 * generic text with the correlation id.
 */
export function describeError(error: CombinedError): string {
  const { t } = i18n.global;
  const code = errorCodeOf(error);
  if (code === 'FORBIDDEN') return t('errors.forbidden');
  if (code === 'UNAUTHENTICATED') return t('errors.unauthenticated');
  if (code === 'BAD_USER_INPUT' || code === 'NOT_FOUND') {
    return error.graphQLErrors[0]?.message ?? t('errors.generic');
  }
  const id = correlationIdOf(error);
  return id ? `${t('errors.generic')} ${t('query.correlationId', { id })}` : t('errors.generic');
}
