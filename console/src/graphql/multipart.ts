import { print, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { i18n } from '../i18n';

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

interface GraphQLResponseBody<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface MultipartRequest<TData, TVariables> {
  document: TypedDocumentNode<TData, TVariables>;
  /** The variables without the file: it goes in `variables.file`. */
  variables: Omit<TVariables, 'file'>;
  file: File;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * One mutation with one file as a GraphQL multipart request (graphql-multipart-request-spec):
 * `operations`, `map`, then the file in `variables.file`. XMLHttpRequest, because fetch reports no
 * upload progress. The session cookie goes along by itself; `Apollo-Require-Preflight` satisfies
 * the server's CSRF prevention. Resolves with `data`; a GraphQL error or a failed request rejects
 * with an UploadError.
 */
export function multipartRequest<TData, TVariables>(request: MultipartRequest<TData, TVariables>): Promise<TData> {
  const { file } = request;
  const body = new FormData();
  const query = print(request.document as DocumentNode);
  body.append('operations', JSON.stringify({ query, variables: { ...request.variables, file: null } }));
  body.append('map', JSON.stringify({ 0: ['variables.file'] }));
  body.append('0', file, file.name);

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/graphql');
    xhr.setRequestHeader('Apollo-Require-Preflight', 'true');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', i18n.global.locale.value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      request.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    xhr.onerror = () => reject(new UploadError('network'));
    xhr.onabort = () => reject(new UploadError('aborted', 'ABORTED'));
    xhr.onload = () => {
      // The body is JSON for GraphQL answers (also 4xx/5xx with `errors`); anything else is a failure.
      const response = xhr.response as GraphQLResponseBody<TData> | null;
      if (response?.data) return resolve(response.data);
      const first = response?.errors?.[0];
      const code = first?.extensions?.['code'];
      const correlationId = first?.extensions?.['correlationId'];
      reject(
        new UploadError(
          first?.message ?? `HTTP ${xhr.status}`,
          typeof code === 'string' ? code : null,
          typeof correlationId === 'string' ? correlationId : null,
        ),
      );
    };
    request.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
