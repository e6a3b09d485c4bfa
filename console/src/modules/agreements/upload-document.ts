import { print } from 'graphql';
import { i18n } from '../../i18n';
import type { UploadAgreementDocumentMutation } from '../../graphql/generated/graphql';
import { uploadAgreementDocumentMutation } from './agreements.queries';

export type UploadDocumentResult = UploadAgreementDocumentMutation['uploadAgreementDocument'];

/**
 * The signed PDF as a GraphQL multipart request (the session cookie goes along by itself;
 * Apollo-Require-Preflight satisfies the server's CSRF prevention). Null when the request failed.
 */
export async function uploadAgreementDocument(agreementId: string, file: File): Promise<UploadDocumentResult | null> {
  const body = new FormData();
  body.append('operations', JSON.stringify({ query: print(uploadAgreementDocumentMutation), variables: { agreementId, file: null } }));
  body.append('map', JSON.stringify({ 0: ['variables.file'] }));
  body.append('0', file, file.name);
  const response = await fetch('/graphql', {
    method: 'POST',
    body,
    headers: { 'Apollo-Require-Preflight': 'true', Accept: 'application/json', 'Accept-Language': i18n.global.locale.value },
  }).catch(() => null);
  if (!response) return null;
  const answer = (await response.json().catch(() => null)) as { data?: UploadAgreementDocumentMutation | null } | null;
  return answer?.data?.uploadAgreementDocument ?? null;
}
