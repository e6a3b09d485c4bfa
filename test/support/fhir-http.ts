import { User } from '../../server/src/access/user.entity';
import { asUser, expectOk, tokenFor } from './actors';
import { ownerQuery, type TestServer } from './server';

export interface Outcome {
  resourceType: string;
  issue: {
    severity: string;
    code: string;
    diagnostics?: string;
    expression?: string[];
    details?: { coding?: { system: string; code: string }[]; text?: string };
  }[];
}

export interface DeliverTarget {
  institution: string;
  unit: number;
  registry: string;
  version: string;
  period: string;
  test?: boolean;
}

export function deliverUrl(server: TestServer, target: DeliverTarget): string {
  const query = new URLSearchParams({
    institution: target.institution,
    unit: String(target.unit),
    registry: target.registry,
    version: target.version,
    period: target.period,
    test: String(target.test ?? false),
  });
  return `${server.url}/fhir/r4/$deliver?${query}`;
}

/** POST $deliver with a token and a body of the given media type; the answer's status, headers and JSON. */
export async function deliver(
  server: TestServer,
  token: string | null,
  target: DeliverTarget,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; outcome: Outcome }> {
  const response = await fetch(deliverUrl(server, target), {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body,
  });
  return { status: response.status, headers: response.headers, outcome: (await response.json()) as Outcome };
}

/** GET $deliver-status until it answers 200 (at most `timeoutMs`); the final outcome. */
export async function finalOutcome(server: TestServer, token: string, statusUrl: string, timeoutMs = 60000): Promise<Outcome> {
  const path = new URL(statusUrl).pathname;
  const end = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' } });
    if (response.status === 200) return (await response.json()) as Outcome;
    if (response.status !== 202) throw new Error(`status ${response.status}: ${await response.text()}`);
    if (Date.now() > end) throw new Error(`still ${response.headers.get('x-progress')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Makes FHIR the active channel of `institution` for `registry` the way the hub does: the registry
 * accepts FHIR, the institution's administrator asks to switch and hub staff approve from `period`.
 */
export async function switchToFhir(server: TestServer, adminEmail: string, institution: string, registry: string, period: string): Promise<void> {
  await ownerQuery(
    server,
    `update registry set accepted_channels = array_append(accepted_channels, 'FHIR') where code = $1 and not ('FHIR' = any(accepted_channels))`,
    [registry],
  );
  const admin = await tokenFor(server, adminEmail);
  const hub = await tokenFor(server, 'hub@datahub.test');
  const asked = expectOk(
    await asUser<{ requestChannelSwitch: { id?: string; code?: string } }>(
      server,
      admin,
      'mutation ($input: RequestChannelSwitchInput!) { requestChannelSwitch(input: $input) { ... on ChannelSwitchRequest { id } ... on Refusal { code } } }',
      { input: { institutionCode: institution, registry, channel: 'FHIR', reason: 'Levering vanuit het EPD via FHIR', desiredPeriod: period } },
    ),
  ).requestChannelSwitch;
  if (!asked.id) throw new Error(`switch refused: ${asked.code}`);
  const decided = expectOk(
    await asUser<{ decideChannelSwitch: { status?: string; code?: string } }>(
      server,
      hub,
      'mutation ($input: DecideChannelSwitchInput!) { decideChannelSwitch(input: $input) { ... on ChannelSwitchRequest { status } ... on Refusal { code } } }',
      { input: { id: asked.id, decision: 'APPROVE' } },
    ),
  ).decideChannelSwitch;
  if (decided.status !== 'APPROVED') throw new Error(`switch not approved: ${decided.code}`);
}

/** Gives a user the SUBMITTER role for `registries` at `institution` (through the API, as hub staff). */
export async function grantSubmitter(server: TestServer, email: string, institution: string, registries: string[]): Promise<void> {
  const hub = await tokenFor(server, 'hub@datahub.test');
  const user = await server.datahub.orm.em.fork().findOneOrFail(User, { email });
  const granted = await asUser(server, hub, 'mutation ($id: ID!, $input: RoleScopeInput!) { grantRole(userId: $id, input: $input) { __typename } }', {
    id: user.id,
    input: { role: 'SUBMITTER', institutionCode: institution, registryCodes: registries },
  });
  expectOk(granted);
}
