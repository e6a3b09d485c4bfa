/** Shared by the dictionary-package tests: the fixtures and the upload and publish operations. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expectOk } from '../../support/actors';
import type { TestServer } from '../../support/server';
import { uploadRequest } from '../../support/upload';

export const PACKAGES = path.resolve(__dirname, '../../fixtures/dictionary-packages');

export function packageFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(PACKAGES, name), 'utf8')) as Record<string, unknown>;
}

export const UPLOAD_PACKAGE = `mutation ($registry: String!, $subDelivery: String!, $file: Upload!) { uploadDictionaryPackage(registry: $registry, subDelivery: $subDelivery, file: $file) {
  __typename ... on DictionaryVersion { id version status revision acceptedFrom } ... on DictionaryPackageRefused { code message problems { path message } } ... on Refusal { code message field } } }`;
export const PUBLISH = `mutation ($id: ID!, $input: PublishDictionaryVersionInput!) { publishDictionaryVersion(id: $id, input: $input) {
  __typename ... on DictionaryVersion { id version status acceptedFrom requiredFrom acceptedUntil } ... on Refusal { code message field } } }`;
export interface PackageAnswer {
  __typename: string;
  id?: string;
  version?: string;
  status?: string;
  revision?: number;
  code?: string;
  problems?: { path: string; message: string }[];
}

export async function uploadPackage(server: TestServer, token: string, registry: string, subDelivery: string, content: unknown): Promise<PackageAnswer> {
  const response = await uploadRequest<{ uploadDictionaryPackage: PackageAnswer }>(
    server.url,
    UPLOAD_PACKAGE,
    { registry, subDelivery },
    { name: 'package.json', content: typeof content === 'string' ? content : JSON.stringify(content) },
    { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
  );
  return expectOk(response).uploadDictionaryPackage;
}

