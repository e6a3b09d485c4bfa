import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Delivery } from '../../server/src/deliveries/delivery.entity';
import { expectOk } from './actors';
import type { GraphQLResponse } from './client';
import type { TestServer } from './server';
import { uploadRequest } from './upload';

export const EXAMPLES = path.resolve(__dirname, '../../dictionaries');

export function example(relative: string): string {
  return readFileSync(path.join(EXAMPLES, relative), 'utf8');
}

export const UPLOAD = `mutation ($file: Upload!, $input: UploadDeliveryInput!) { uploadDelivery(file: $file, input: $input) {
  __typename ... on Delivery { id status fileNameConforming test sha256 size sameBytesAs { id } } ... on Refusal { code message field } } }`;

export interface UploadedDelivery {
  __typename: string;
  id: string;
  status: string;
  code?: string;
  message?: string;
  field?: string | null;
  sameBytesAs?: { id: string } | null;
}

export async function upload(server: TestServer, token: string, name: string, content: string, input: Record<string, unknown>): Promise<UploadedDelivery> {
  const response: GraphQLResponse<{ uploadDelivery: UploadedDelivery }> = await uploadRequest(
    server.url,
    UPLOAD,
    { input },
    { name, content },
    {
      'apollo-require-preflight': 'true',
      authorization: `Bearer ${token}`,
    },
  );
  return expectOk(response).uploadDelivery;
}

/** Waits (polling the database, at most `timeoutMs`) until the delivery reached a final status. */
export async function settled(server: TestServer, id: string, timeoutMs = 30000): Promise<Delivery> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const delivery = await server.datahub.orm.em.fork().findOneOrFail(Delivery, { id });
    if (['PROCESSED', 'PROCESSED_WITH_ERRORS', 'REJECTED', 'FAILED'].includes(delivery.status)) return delivery;
    if (Date.now() > end) throw new Error(`delivery ${id} still ${delivery.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
