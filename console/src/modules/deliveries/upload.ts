import type { UploadDeliveryInput, UploadDeliveryMutation } from '../../graphql/generated/graphql';
import { multipartRequest, type UploadProgress } from '../../graphql/multipart';
import { uploadDeliveryMutation } from './deliveries.queries';

export { UploadError, type UploadProgress } from '../../graphql/multipart';

export type UploadResult = UploadDeliveryMutation['uploadDelivery'];

/** `uploadDelivery` as a multipart request, with upload progress and cancellation. */
export async function uploadDelivery(
  file: File,
  input: UploadDeliveryInput,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  const data = await multipartRequest({ document: uploadDeliveryMutation, variables: { input }, file, onProgress, signal });
  return data.uploadDelivery;
}
