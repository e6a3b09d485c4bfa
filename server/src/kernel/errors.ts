import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger';

/** Codes whose messages are written for the client and may be shown as they are. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
]);

/** What a 401 answer names as the way to authenticate (RFC 9110 15.5.2): a bearer token, or the session cookie. */
export const WWW_AUTHENTICATE = 'Bearer realm="datahub"';

/**
 * graphql-js ends some messages with a suggestion from the schema ("Did you mean the enum value
 * "PROCESSOR"?"), in validation and in variable coercion alike; they tell an anonymous caller what
 * the schema holds (OWASP ASVS 13.4.1), so they are cut off every message.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean\b.*$/s, '');
}

/**
 * Everything not written for the client (a database error, a bug) becomes a generic message with a
 * correlation id; the log gets the id and the error's kind. The raw message is logged only at debug
 * level: a database error can quote a value from a row, and rows can hold identifying data.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      // Only the extensions our own errors set for clients: the stable reason and the input field.
      const { reason, field } = formatted.extensions ?? {};
      const extensions = { code, ...(typeof reason === 'string' ? { reason } : {}), ...(typeof field === 'string' ? { field } : {}) };
      return { message: withoutSuggestions(formatted.message), locations: formatted.locations, path: formatted.path, extensions };
    }
    const correlationId = randomUUID();
    const cause = unwrapResolverError(error) as { name?: string; code?: string; table?: string; constraint?: string; message?: string };
    logger.error(
      { correlationId, errorName: cause?.name, sqlState: cause?.code, table: cause?.table, constraint: cause?.constraint, path: formatted.path },
      'unexpected error while handling a GraphQL request',
    );
    logger.debug({ correlationId, detail: cause?.message }, 'unexpected error detail');
    return {
      message: `An unexpected error occurred. Quote reference ${correlationId} when you report it.`,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
    };
  };
}

/**
 * A request the HTTP layer refuses before GraphQL runs (a body that is not JSON or is too large, a
 * malformed multipart request). app/http-errors.ts answers it as a GraphQL error with this code;
 * the message is written for the client and never quotes the body.
 */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE',
    message: string,
  ) {
    super(message);
    this.name = 'HttpRefusal';
  }
}
