import { createHash } from 'node:crypto';
import { ApolloClient, type ApolloLink, gql, InMemoryCache } from '@apollo/client';
import UploadHttpLink from 'apollo-upload-client/UploadHttpLink.mjs';
import { expect } from 'chai';
import { tokenFor } from '../support/actors';
import { example } from '../support/deliveries';
import { sharedServer } from '../support/server';

const UPLOAD = gql`
  mutation Deliver($file: Upload!, $input: UploadDeliveryInput!) {
    uploadDelivery(file: $file, input: $input) {
      __typename
      ... on Delivery {
        id
      }
      ... on Refusal {
        code
        message
      }
    }
  }
`;
const DELIVERY = gql`
  query Delivery($id: ID!) {
    delivery(id: $id) {
      id
      fileName
      size
      sha256
      period
    }
  }
`;

describe('a third-party client: Apollo Client with apollo-upload-client', () => {
  it('delivers a file as a multipart request and reads the stored delivery back: its name, size and SHA-256', async () => {
    const server = await sharedServer();
    const token = await tokenFor(server, 'aanlever@zuidermeer.test');
    // The tests run as CommonJS and get @apollo/client's CommonJS build; apollo-upload-client is ESM
    // and extends the ESM build's ApolloLink. Apollo Client takes any link by its shape, so only
    // the two copies of the type need reconciling.
    const link = new UploadHttpLink({
      uri: `${server.url}/graphql`,
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    }) as unknown as ApolloLink;
    const client = new ApolloClient({
      link,
      cache: new InMemoryCache(),
    });
    const content = example('CAT/Cataract/1.4/examples/valid.csv');
    const name = '11111111_0_CAT_1.4_7001_20260410_PROD.csv';
    const uploaded = await client.mutate<{ uploadDelivery: { __typename: string; id?: string } }>({
      mutation: UPLOAD,
      variables: { file: new File([content], name, { type: 'text/csv' }), input: { period: '2026K1' } },
    });
    const id = uploaded.data?.uploadDelivery.id;
    const read = await client.query<{ delivery: { fileName: string; size: number; sha256: string; period: string } }>({
      query: DELIVERY,
      variables: { id },
      fetchPolicy: 'network-only',
    });
    expect(uploaded.data?.uploadDelivery.__typename).to.equal('Delivery');
    expect(read.data?.delivery).to.deep.include({
      fileName: name,
      size: Buffer.byteLength(content),
      sha256: createHash('sha256').update(content).digest('hex'),
      period: '2026K1',
    });
  });
});
