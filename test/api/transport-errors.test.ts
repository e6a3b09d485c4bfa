import { expect } from 'chai';
import { tokenFor } from '../support/actors';
import { graphql } from '../support/client';
import { multipartBody, MULTIPART_TYPE } from '../support/multipart';
import { sharedServer, startTestServer, type TestServer } from '../support/server';

const BSN = '123456782';

interface Answer {
  status: number;
  contentType: string;
  text: string;
  errors: { message: string; extensions?: Record<string, unknown> }[] | null;
}

async function post(url: string, body: string | Buffer, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', body, headers });
  const text = await response.text();
  let errors: Answer['errors'] = null;
  try {
    errors = (JSON.parse(text) as { errors?: Answer['errors'] }).errors ?? null;
  } catch {
    errors = null;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, errors };
}

/** Runs `work` while catching everything written to the console, stdout and stderr, and returns that. */
async function consoleOutputOf(work: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const originals = { out: process.stdout.write, err: process.stderr.write, error: console.error, log: console.log, warn: console.warn };
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  console.error = console.log = console.warn = (...args: unknown[]) => void written.push(args.map(String).join(' '));
  try {
    await work();
  } finally {
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
    console.error = originals.error;
    console.log = originals.log;
    console.warn = originals.warn;
  }
  return written.join('');
}

describe('HTTP transport: every refusal is a JSON GraphQL error with a code', function () {
  this.timeout(60000);
  const logs: string[] = [];
  let server: TestServer;
  let auth: Record<string, string>;
  before(async () => {
    server = await startTestServer({}, undefined, logs);
    auth = {
      authorization: `Bearer ${await tokenFor(server, 'aanlever@zuidermeer.test')}`,
      'apollo-require-preflight': 'true',
      'content-type': MULTIPART_TYPE,
    };
  });

  it('answers a body that is not JSON 400 BAD_REQUEST in JSON, logs one JSON line without the body, and writes nothing else', async () => {
    const logged = logs.length;
    let answer: Answer | null = null;
    const output = await consoleOutputOf(async () => {
      answer = await post(server.url, `{"variables":{"bsn":x${BSN}}}`, { 'content-type': 'application/json' });
    });
    // Only what the server wrote about requests: its worker may log its own rounds meanwhile.
    const lines = logs.slice(logged).filter((line) => line.includes('"path":'));
    expect(logs.slice(logged).every((line) => !line.includes(BSN))).to.equal(true);
    expect(answer!.status).to.equal(400);
    expect(answer!.contentType).to.match(/^application\/json/);
    expect(answer!.errors?.[0]?.extensions?.code).to.equal('BAD_REQUEST');
    expect(answer!.text).not.to.include(BSN);
    expect(output).to.equal('');
    expect(lines).to.have.length(1);
    expect(() => JSON.parse(lines[0]!)).not.to.throw();
    expect(lines[0]).not.to.include(BSN);
  });

  it('answers a JSON body over 1 MB 413 PAYLOAD_TOO_LARGE in JSON', async () => {
    const answer = await post(server.url, JSON.stringify({ query: `{ registries { code } } # ${'x'.repeat(2 * 1024 * 1024)}` }), {
      'content-type': 'application/json',
    });
    expect([answer.status, answer.contentType.startsWith('application/json'), answer.errors?.[0]?.extensions?.code]).to.deep.equal([
      413,
      true,
      'PAYLOAD_TOO_LARGE',
    ]);
  });

  const UPLOAD_QUERY = 'query ($file: Upload!) { validateFile(file: $file) { ... on FileCheckReport { status } } }';
  const multipart = (operations: unknown, map: string, files: { field: string; content: string }[]) =>
    multipartBody([
      { name: 'operations', value: JSON.stringify(operations) },
      { name: 'map', value: map },
      ...files.map((file) => ({ name: file.field, filename: `${file.field}.csv`, content: file.content })),
    ]);

  it('answers a multipart request with two files 400 BAD_REQUEST in JSON', async () => {
    const body = multipart(
      {
        query:
          'query ($a: Upload!, $b: Upload!) { a: validateFile(file: $a) { ... on FileCheckReport { status } } b: validateFile(file: $b) { ... on FileCheckReport { status } } }',
        variables: { a: null, b: null },
      },
      JSON.stringify({ 0: ['variables.a'], 1: ['variables.b'] }),
      [
        { field: '0', content: 'a\n' },
        { field: '1', content: 'b\n' },
      ],
    );
    const answer = await post(server.url, body, auth);
    expect([answer.status, answer.contentType.startsWith('application/json'), answer.errors?.[0]?.extensions?.code]).to.deep.equal([400, true, 'BAD_REQUEST']);
  });

  it('answers a multipart map that is not JSON 400 BAD_REQUEST in JSON', async () => {
    const body = multipart({ query: UPLOAD_QUERY, variables: { file: null } }, '{"0": [', [{ field: '0', content: 'a\n' }]);
    const answer = await post(server.url, body, auth);
    expect([answer.status, answer.contentType.startsWith('application/json'), answer.errors?.[0]?.extensions?.code]).to.deep.equal([400, true, 'BAD_REQUEST']);
  });

  it('answers a map naming a file the request does not carry 400 BAD_REQUEST, not INTERNAL_SERVER_ERROR', async () => {
    const body = multipart({ query: UPLOAD_QUERY, variables: { file: null } }, JSON.stringify({ 0: ['variables.file'] }), []);
    const answer = await post(server.url, body, auth);
    expect([answer.status, answer.errors?.[0]?.extensions?.code]).to.deep.equal([400, 'BAD_REQUEST']);
  });

  it('answers a 2 MB operations field 413 PAYLOAD_TOO_LARGE in JSON', async () => {
    const body = multipart(
      { query: `${UPLOAD_QUERY} # ${'x'.repeat(2 * 1024 * 1024)}`, variables: { file: null } },
      JSON.stringify({ 0: ['variables.file'] }),
      [{ field: '0', content: 'a\n' }],
    );
    const answer = await post(server.url, body, auth);
    expect([answer.status, answer.contentType.startsWith('application/json'), answer.errors?.[0]?.extensions?.code]).to.deep.equal([
      413,
      true,
      'PAYLOAD_TOO_LARGE',
    ]);
  });

  it('answers a GraphQL syntax error 400 GRAPHQL_PARSE_FAILED', async () => {
    const answer = await post(server.url, JSON.stringify({ query: '{' }), { 'content-type': 'application/json' });
    expect([answer.status, answer.errors?.[0]?.extensions?.code]).to.deep.equal([400, 'GRAPHQL_PARSE_FAILED']);
  });

  it('still refuses a document of more than 5,000 tokens, 400 GRAPHQL_PARSE_FAILED', async () => {
    const answer = await post(server.url, JSON.stringify({ query: `{ ${'__typename '.repeat(5001)} }` }), { 'content-type': 'application/json' });
    expect([answer.status, answer.errors?.[0]?.extensions?.code]).to.deep.equal([400, 'GRAPHQL_PARSE_FAILED']);
  });
});

describe('authentication: no token and a bad token answer alike', () => {
  it('answers a protected query 401 UNAUTHENTICATED with WWW-Authenticate, without a token and with a bad one', async () => {
    const { url } = await sharedServer();
    const answers = [];
    const bearers: Record<string, string>[] = [{}, { authorization: 'Bearer dh_not-a-token' }];
    for (const headers of bearers) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ institutions { code } }' }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      answers.push([response.status, body.errors?.[0]?.extensions?.code, response.headers.get('www-authenticate')]);
    }
    expect(answers).to.deep.equal([
      [401, 'UNAUTHENTICATED', 'Bearer realm="datahub"'],
      [401, 'UNAUTHENTICATED', 'Bearer realm="datahub"'],
    ]);
  });
});

describe('error messages suggest nothing', () => {
  it('names no enum value to an anonymous caller, neither for a variable nor in the document', async () => {
    const { url } = await sharedServer();
    const variable = await graphql(url, 'mutation ($input: RoleScopeInput!) { grantRole(userId: "1", input: $input) { __typename } }', {
      input: { role: 'PROCESOR' },
    });
    const literal = await graphql(url, 'mutation { grantRole(userId: "1", input: { role: PROCESOR }) { __typename } }');
    expect(variable.errors?.length).to.be.greaterThan(0);
    expect(literal.errors?.length).to.be.greaterThan(0);
    expect(JSON.stringify([variable.errors, literal.errors])).not.to.match(/did you mean|PROCESSOR"/i);
  });
});
