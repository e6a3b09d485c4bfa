import { print } from 'graphql';
import { i18n } from '../../i18n';
import type { UploadDeliveryInput, UploadDeliveryMutation } from '../../graphql/generated/graphql';
import { uploadDeliveryMutation } from './deliveries.queries';

export type UploadResult = UploadDeliveryMutation['uploadDelivery'];

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** The upload failed before the server answered with a result (network, HTTP status, GraphQL error). */
export class UploadError extends Error {
  constructor(
    message: string,
    /** `extensions.code` of the first GraphQL error, when the server sent one (UNAUTHENTICATED, …). */
    readonly code: string | null = null,
    /** The server's masked-error id, to quote to the service desk. */
    readonly correlationId: string | null = null,
  ) {
    super(message);
  }
}

interface GraphQLResponseBody {
  data?: UploadDeliveryMutation | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * `uploadDelivery` as a GraphQL multipart request (graphql-multipart-request-spec): `operations`,
 * `map`, then the file. XMLHttpRequest, because fetch reports no upload progress. The session
 * cookie goes along by itself; `Apollo-Require-Preflight` satisfies the server's CSRF prevention.
 */
export function uploadDelivery(
  file: File,
  input: UploadDeliveryInput,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  const body = new FormData();
  body.append('operations', JSON.stringify({ query: print(uploadDeliveryMutation), variables: { file: null, input } }));
  body.append('map', JSON.stringify({ 0: ['variables.file'] }));
  body.append('0', file, file.name);

  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/graphql');
    request.setRequestHeader('Apollo-Require-Preflight', 'true');
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', i18n.global.locale.value);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    request.onerror = () => reject(new UploadError('network'));
    request.onabort = () => reject(new UploadError('aborted', 'ABORTED'));
    request.onload = () => {
      // The body is JSON for GraphQL answers (also 4xx/5xx with `errors`); anything else is a failure.
      const response = request.response as GraphQLResponseBody | null;
      const result = response?.data?.uploadDelivery;
      if (result) return resolve(result);
      const first = response?.errors?.[0];
      const code = first?.extensions?.['code'];
      const correlationId = first?.extensions?.['correlationId'];
      reject(
        new UploadError(
          first?.message ?? `HTTP ${request.status}`,
          typeof code === 'string' ? code : null,
          typeof correlationId === 'string' ? correlationId : null,
        ),
      );
    };
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(body);
  });
}
