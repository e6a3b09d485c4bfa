import type { GraphQLResponse } from './client';

/** A GraphQL multipart request (graphql-multipart-request-spec) with one file under variable `file`. */
export async function uploadRequest<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown>,
  file: { name: string; content: string | Uint8Array },
  headers: Record<string, string> = { 'apollo-require-preflight': 'true' },
): Promise<GraphQLResponse<T>> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([file.content]), file.name);
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', body: form, headers });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}
