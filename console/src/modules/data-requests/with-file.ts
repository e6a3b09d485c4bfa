import type { AnyVariables, OperationResult } from '@urql/vue';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { describeError } from '../../graphql/errors';
import { multipartRequest, UploadError } from '../../graphql/multipart';
import { i18n } from '../../i18n';

export type Sent<TData> = { data: TData } | { problem: string };

/**
 * A mutation whose file is optional: with a file as a GraphQL multipart request (the file in
 * `variables.file`), without one through urql as any other mutation. Returns the data, or one line
 * saying what went wrong (a refusal in the data is for the caller to read).
 */
export async function sendWithOptionalFile<TData, TVariables extends AnyVariables & { file?: File | null }>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: Omit<TVariables, 'file'>,
  file: File | null,
  execute: (variables: TVariables) => Promise<OperationResult<TData, AnyVariables>>,
): Promise<Sent<TData>> {
  const { t } = i18n.global;
  if (file) {
    try {
      return { data: await multipartRequest({ document, variables, file }) };
    } catch (error) {
      // Input errors are written for the user; anything else (network, server) is the generic text.
      if (error instanceof UploadError && error.code === 'BAD_USER_INPUT') return { problem: error.message };
      return { problem: t('errors.generic') };
    }
  }
  // Without a file the variables are complete: `file` is optional in every such mutation.
  const result = await execute(variables as TVariables);
  if (result.error || !result.data) return { problem: result.error ? describeError(result.error) : t('errors.generic') };
  return { data: result.data };
}
