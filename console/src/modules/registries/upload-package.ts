import type { UploadDictionaryPackageMutation } from '../../graphql/generated/graphql';
import { multipartRequest } from '../../graphql/multipart';
import { uploadDictionaryPackageMutation } from './registries.queries';

export type PackageAnswer = UploadDictionaryPackageMutation['uploadDictionaryPackage'];

/** `uploadDictionaryPackage` as a multipart request, like a delivery's upload. */
export async function uploadDictionaryPackage(file: File, registry: string, subDelivery: string): Promise<PackageAnswer> {
  const data = await multipartRequest({ document: uploadDictionaryPackageMutation, variables: { registry, subDelivery }, file });
  return data.uploadDictionaryPackage;
}
