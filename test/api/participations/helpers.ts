import { Role } from '../../../server/src/kernel/role';
import { Participation } from '../../../server/src/participations/participation.entity';
import { ParticipationState } from '../../../server/src/participations/participation-state';
import { Institution } from '../../../server/src/institutions/institution.entity';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { createInstitution, createInstitutionUser } from '../../support/delivery-rows';
import type { TestServer } from '../../support/server';

export const SIGN_UP = `mutation ($input: SignUpInput!) { signUpForRegistry(input: $input) {
  __typename ... on SignUp { participations { id state channel startPeriod subDelivery { code } } contacts { name email } }
  ... on Refusal { code message field } } }`;

export const MOVE = `mutation ($input: MoveParticipationInput!) { moveParticipation(input: $input) {
  __typename ... on Participation { id state endPeriod } ... on Refusal { code message field parameters { name value } } } }`;

export const CONTACT = { name: 'Anna de Vries', role: 'registratiecoördinator', email: 'anna@ziekenhuis.test', phone: '010-1234567' };

export interface Moved {
  __typename: string;
  id?: string;
  state?: string;
  endPeriod?: string | null;
  code?: string;
  message?: string;
  field?: string | null;
  parameters?: { name: string; value: string }[];
}

export interface Hospital {
  code: string;
  /** The institution's local administrator's API token. */
  admin: string;
}

/** A fresh institution with a local administrator. */
export async function hospital(server: TestServer): Promise<Hospital> {
  const code = await createInstitution(server);
  const admin = await tokenFor(server, await createInstitutionUser(server, code, Role.LOCAL_ADMIN));
  return { code, admin };
}

export async function signUp(server: TestServer, token: string, input: Record<string, unknown>) {
  return expectOk(
    await asUser<{ signUpForRegistry: { __typename: string; participations?: { id: string; state: string }[]; code?: string } }>(server, token, SIGN_UP, {
      input,
    }),
  ).signUpForRegistry;
}

/** Signs the hospital up for CAT/Cataract from 2026K1 and returns the participation id. */
export async function signUpForCat(server: TestServer, who: Hospital): Promise<string> {
  const result = await signUp(server, who.admin, {
    institutionCode: who.code,
    registry: 'CAT',
    subDeliveries: ['Cataract'],
    contacts: [CONTACT],
    startPeriod: '2026K1',
  });
  const id = result.participations?.[0]?.id;
  if (!id) throw new Error(`sign-up refused: ${JSON.stringify(result)}`);
  return id;
}

export async function move(server: TestServer, token: string, input: Record<string, unknown>): Promise<Moved> {
  return expectOk(await asUser<{ moveParticipation: Moved }>(server, token, MOVE, { input })).moveParticipation;
}

/** Puts a participation straight into a state (the moves before it are tested elsewhere). */
export async function putInState(server: TestServer, id: string, state: ParticipationState): Promise<void> {
  await server.datahub.orm.em.fork().nativeUpdate(Participation, { id }, { state });
}

export async function stateOf(server: TestServer, id: string): Promise<string> {
  return (await server.datahub.orm.em.fork().findOneOrFail(Participation, { id })).state;
}

export async function institutionId(server: TestServer, code: string): Promise<string> {
  return (await server.datahub.orm.em.fork().findOneOrFail(Institution, { code })).id;
}

const RECORD_AGREEMENT = `mutation ($input: RecordAgreementInput!) { recordAgreement(input: $input) { __typename ... on Refusal { code message } } }`;

/** Hub staff record the four agreements the institution needs for `registry` as SIGNED (all but `except`). */
export async function signAgreements(server: TestServer, hubToken: string, code: string, registry: string, except: string[] = []): Promise<void> {
  const kinds: [string, string | null][] = [
    ['GENERAL_SERVICE', null],
    ['PROCESSING', null],
    ['REGISTRY_SUPPLEMENT', registry],
    ['DATA_PROTOCOL', registry],
  ];
  for (const [kind, forRegistry] of kinds.filter(([kind]) => !except.includes(kind))) {
    const input = { institutionCode: code, kind, registry: forRegistry, status: 'SIGNED', sentOn: '2026-01-05', signedOn: '2026-01-20' };
    const recorded = expectOk(await asUser<{ recordAgreement: { __typename: string } }>(server, hubToken, RECORD_AGREEMENT, { input })).recordAgreement;
    if (recorded.__typename !== 'Agreement') throw new Error(`agreement not recorded: ${JSON.stringify(recorded)}`);
  }
}
