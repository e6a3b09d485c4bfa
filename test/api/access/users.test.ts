import { expect } from 'chai';
import { Invitation } from '../../../server/src/access/invitation.entity';
import { User } from '../../../server/src/access/user.entity';
import { CookieClient } from '../../support/client';
import { asUser, expectOk, LOGIN, mailedLinkToken, signIn, tokenFor } from '../../support/actors';
import { startTestServer, type TestServer } from '../../support/server';

const INVITE = `mutation ($input: InviteUserInput!) { inviteUser(input: $input) {
  __typename ... on Invitation { id email role expiresAt } ... on Refusal { code message field } } }`;
const ACCEPT = `mutation ($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) {
  __typename ... on User { email roles { role registry { code } institution { code } } } ... on Refusal { code field } } }`;
const USERS = '{ institutionUsers(institutionCode: "11111111") { nodes { id email active roles { id role registry { code } } } } }';
const GRANT = `mutation ($userId: ID!, $input: RoleScopeInput!) { grantRole(userId: $userId, input: $input) {
  __typename ... on RoleAssignmentList { assignments { id role registry { code } } } ... on Refusal { code message } } }`;
const REVOKE = `mutation ($id: ID!) { revokeRole(assignmentId: $id) { __typename ... on RoleAssignmentList { assignments { role } } ... on Refusal { code message } } }`;

interface UserRow {
  id: string;
  email: string;
  active: boolean;
  roles: { id: string; role: string; registry: { code: string } | null }[];
}

describe('users, invitations and roles', () => {
  let server: TestServer;
  let admin: string;
  const users = async (token = admin) => expectOk(await asUser<{ institutionUsers: { nodes: UserRow[] } }>(server, token, USERS)).institutionUsers.nodes;
  before(async () => {
    server = await startTestServer();
    admin = await tokenFor(server, 'beheer@zuidermeer.test');
  });

  it('lets a local administrator invite a colleague who accepts once with a password and gets the role per registry', async () => {
    const invited = expectOk(
      await asUser<{ inviteUser: { __typename: string; role: string } }>(server, admin, INVITE, {
        input: { email: 'Nieuwe.Collega@Zuidermeer.test', name: 'Nina Nieuw', role: 'SUBMITTER', institutionCode: '11111111', registryCodes: ['CAT', 'PMICD'] },
      }),
    );
    const token = mailedLinkToken(server, 'nieuwe.collega@zuidermeer.test', 'invitation');
    const accepted = expectOk(
      await asUser<{ acceptInvitation: { email: string; roles: { role: string; registry: { code: string } }[] } }>(server, '', ACCEPT, {
        token,
        password: 'Een-sterk-wachtwoord-42',
      }),
    );
    const again = expectOk(await asUser<{ acceptInvitation: { code: string } }>(server, '', ACCEPT, { token, password: 'Een-sterk-wachtwoord-42' }));
    const login = expectOk(
      await new CookieClient(server.url).request<{ login: { stage?: string } }>(LOGIN, {
        email: 'nieuwe.collega@zuidermeer.test',
        password: 'Een-sterk-wachtwoord-42',
      }),
    );
    expect(invited.inviteUser.__typename).to.equal('Invitation');
    expect(accepted.acceptInvitation.email).to.equal('nieuwe.collega@zuidermeer.test');
    expect(accepted.acceptInvitation.roles.map((role) => `${role.role}:${role.registry.code}`).sort()).to.deep.equal(['SUBMITTER:CAT', 'SUBMITTER:PMICD']);
    expect(again.acceptInvitation.code).to.equal('INVALID_LINK');
    expect(login.login.stage).to.equal('TOTP_SETUP');
  });

  it('refuses an invitation link after 7 days and makes no account', async () => {
    expectOk(
      await asUser(server, admin, INVITE, {
        input: { email: 'laat@zuidermeer.test', name: 'Late', role: 'VIEWER', institutionCode: '11111111', registryCodes: ['CAT'] },
      }),
    );
    const token = mailedLinkToken(server, 'laat@zuidermeer.test', 'invitation');
    server.clock.advance(7 * 24 * 3_600_000 + 60_000);
    const late = expectOk(await asUser<{ acceptInvitation: { code: string } }>(server, '', ACCEPT, { token, password: 'Een-sterk-wachtwoord-42' }));
    expect(late.acceptInvitation.code).to.equal('INVALID_LINK');
    expect(await server.datahub.orm.em.fork().count(User, { email: 'laat@zuidermeer.test' })).to.equal(0);
  });

  it('refuses a short or common password on acceptance, naming the field', async () => {
    expectOk(
      await asUser(server, admin, INVITE, {
        input: { email: 'zwak@zuidermeer.test', name: 'Zwak', role: 'VIEWER', institutionCode: '11111111', registryCodes: ['CAT'] },
      }),
    );
    const token = mailedLinkToken(server, 'zwak@zuidermeer.test', 'invitation');
    const short = expectOk(await asUser<{ acceptInvitation: { code: string; field: string } }>(server, '', ACCEPT, { token, password: 'kort' }));
    const common = expectOk(await asUser<{ acceptInvitation: { code: string } }>(server, '', ACCEPT, { token, password: 'Welkom2026!!!' }));
    expect(short.acceptInvitation).to.deep.equal({ __typename: 'Refused', code: 'PASSWORD_TOO_SHORT', field: 'password' });
    expect(common.acceptInvitation.code).to.equal('PASSWORD_TOO_COMMON');
  });

  it('refuses a local administrator inviting for another institution, and a SUBMITTER without registries', async () => {
    const other = expectOk(
      await asUser<{ inviteUser: { code: string } }>(server, admin, INVITE, {
        input: { email: 'x@maasdal.test', name: 'X', role: 'VIEWER', institutionCode: '15330041', registryCodes: ['CAT'] },
      }),
    );
    const bare = expectOk(
      await asUser<{ inviteUser: { code: string; field: string } }>(server, admin, INVITE, {
        input: { email: 'y@zuidermeer.test', name: 'Y', role: 'SUBMITTER', institutionCode: '11111111' },
      }),
    );
    const hub = expectOk(
      await asUser<{ inviteUser: { code: string } }>(server, admin, INVITE, { input: { email: 'z@zuidermeer.test', name: 'Z', role: 'HUB_STAFF' } }),
    );
    expect(other.inviteUser.code).to.equal('FORBIDDEN');
    expect(bare.inviteUser).to.deep.include({ code: 'ROLE_SCOPE', field: 'registryCodes' });
    expect(hub.inviteUser.code).to.equal('HUB_STAFF_ONLY');
    expect(await server.datahub.orm.em.fork().count(Invitation, { email: { $in: ['x@maasdal.test', 'y@zuidermeer.test', 'z@zuidermeer.test'] } })).to.equal(0);
  });

  it("applies a granted and a revoked role on the user's very next request", async () => {
    const viewer = (await users()).find((user) => user.email === 'inzage@zuidermeer.test') as UserRow;
    const viewerToken = await tokenFor(server, 'inzage@zuidermeer.test');
    const before = await asUser(server, viewerToken, USERS);
    const granted = expectOk(
      await asUser<{ grantRole: { assignments: { id: string; role: string }[] } }>(server, admin, GRANT, {
        userId: viewer.id,
        input: { role: 'LOCAL_ADMIN', institutionCode: '11111111' },
      }),
    );
    const during = await asUser(server, viewerToken, USERS);
    const assignment = granted.grantRole.assignments.find((row) => row.role === 'LOCAL_ADMIN');
    expectOk(await asUser(server, admin, REVOKE, { id: assignment?.id }));
    const after = await asUser(server, viewerToken, USERS);
    expect(before.errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
    expect(during.errors).to.equal(undefined);
    expect(after.errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
  });

  it('refuses to revoke or deactivate the last active local administrator, and keeps the role', async () => {
    const maasdal = await tokenFor(server, 'beheer@maasdal.test');
    const rows = expectOk(
      await asUser<{ institutionUsers: { nodes: UserRow[] } }>(
        server,
        maasdal,
        '{ institutionUsers(institutionCode: "15330041") { nodes { id email active roles { id role registry { code } } } } }',
      ),
    ).institutionUsers.nodes;
    const self = rows.find((user) => user.email === 'beheer@maasdal.test') as UserRow;
    const adminRole = self.roles.find((role) => role.role === 'LOCAL_ADMIN');
    const revoke = expectOk(await asUser<{ revokeRole: { code: string; message: string } }>(server, maasdal, REVOKE, { id: adminRole?.id }));
    const deactivate = expectOk(
      await asUser<{ deactivateUser: { code: string } }>(
        server,
        maasdal,
        'mutation ($id: ID!) { deactivateUser(userId: $id) { __typename ... on Refusal { code } } }',
        { id: self.id },
      ),
    );
    const still = await asUser(server, maasdal, '{ institutionUsers(institutionCode: "15330041") { nodes { id } } }');
    expect(revoke.revokeRole.code).to.equal('LAST_LOCAL_ADMIN');
    expect(revoke.revokeRole.message).to.include('Maasdal Medisch Centrum');
    expect(deactivate.deactivateUser.code).to.equal('LAST_LOCAL_ADMIN');
    expect(still.errors).to.equal(undefined);
  });

  it('refuses to grant a role the user already holds, storing no second copy', async () => {
    const submitter = (await users()).find((user) => user.email === 'aanlever@zuidermeer.test') as UserRow;
    const again = expectOk(
      await asUser<{ grantRole: { code: string } }>(server, admin, GRANT, {
        userId: submitter.id,
        input: { role: 'SUBMITTER', institutionCode: '11111111', registryCodes: ['CAT'] },
      }),
    );
    const after = (await users()).find((user) => user.email === 'aanlever@zuidermeer.test') as UserRow;
    expect(again.grantRole.code).to.equal('ALREADY_GRANTED');
    expect(after.roles).to.have.length(submitter.roles.length);
  });

  it('lists open invitations and withdraws one, whose link then no longer works', async () => {
    expectOk(
      await asUser(server, admin, INVITE, {
        input: { email: 'terug@zuidermeer.test', name: 'Terug', role: 'VIEWER', institutionCode: '11111111', registryCodes: ['CAT'] },
      }),
    );
    const token = mailedLinkToken(server, 'terug@zuidermeer.test', 'invitation');
    const open = expectOk(
      await asUser<{ openInvitations: { nodes: { id: string; email: string }[] } }>(
        server,
        admin,
        '{ openInvitations(institutionCode: "11111111") { nodes { id email } } }',
      ),
    );
    const invitation = open.openInvitations.nodes.find((row) => row.email === 'terug@zuidermeer.test');
    expectOk(
      await asUser(server, admin, 'mutation ($id: ID!) { withdrawInvitation(id: $id) { __typename ... on Invitation { id } } }', { id: invitation?.id }),
    );
    const accept = expectOk(await asUser<{ acceptInvitation: { code: string } }>(server, '', ACCEPT, { token, password: 'Een-sterk-wachtwoord-42' }));
    const stillOpen = expectOk(
      await asUser<{ openInvitations: { nodes: { email: string }[] } }>(server, admin, '{ openInvitations(institutionCode: "11111111") { nodes { email } } }'),
    );
    expect(accept.acceptInvitation.code).to.equal('INVALID_LINK');
    expect(stillOpen.openInvitations.nodes.map((row) => row.email)).not.to.include('terug@zuidermeer.test');
  });

  it('lets hub staff list the people of a processor organisation', async () => {
    const hub = await tokenFor(server, 'hub@datahub.test');
    const { organisations } = expectOk(
      await asUser<{ organisations: { nodes: { id: string; name: string }[] } }>(server, hub, '{ organisations(kind: PROCESSOR) { nodes { id name } } }'),
    );
    const nhr = organisations.nodes.find((row) => row.name === 'NHR Analysebureau');
    const people = expectOk(
      await asUser<{ organisationUsers: { nodes: { email: string }[] } }>(
        server,
        hub,
        'query ($id: ID!) { organisationUsers(organisationId: $id) { nodes { email } } }',
        { id: nhr?.id },
      ),
    );
    expect(people.organisationUsers.nodes.map((row) => row.email)).to.deep.equal(['verwerker@nhr.test']);
  });

  it('refuses a user of another institution with NOT_FOUND, exactly as an unknown id and a malformed one', async () => {
    const maasdal = await tokenFor(server, 'beheer@maasdal.test');
    const zuidermeerUser = (await users()).find((user) => user.email === 'aanlever@zuidermeer.test') as UserRow;
    const DEACTIVATE = 'mutation ($id: ID!) { deactivateUser(userId: $id) { __typename ... on Refusal { code message field } } }';
    const answers = [];
    for (const id of [zuidermeerUser.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      answers.push(expectOk(await asUser<{ deactivateUser: unknown }>(server, maasdal, DEACTIVATE, { id })).deactivateUser);
    }
    expect(answers[0]).to.deep.equal({ __typename: 'Refused', code: 'NOT_FOUND', message: 'Gebruiker niet gevonden.', field: null });
    expect(answers[1]).to.deep.equal(answers[0]);
    expect(answers[2]).to.deep.equal(answers[0]);
  });

  it('lists no people and no invitations of another institution, exactly as for an unknown one', async () => {
    const maasdal = await tokenFor(server, 'beheer@maasdal.test');
    const LISTS =
      'query ($code: String!) { institutionUsers(institutionCode: $code) { nodes { id } } openInvitations(institutionCode: $code) { nodes { id } } }';
    const foreign = expectOk(await asUser(server, maasdal, LISTS, { code: '11111111' }));
    const unknown = expectOk(await asUser(server, maasdal, LISTS, { code: '99999999' }));
    expect(foreign).to.deep.equal({ institutionUsers: { nodes: [] }, openInvitations: { nodes: [] } });
    expect(unknown).to.deep.equal(foreign);
  });

  it("audits each refused change to another institution's people (grant, revoke, deactivate, reactivate, end a session, withdraw an invitation, revoke a token), with that institution", async () => {
    const maasdal = await tokenFor(server, 'beheer@maasdal.test');
    const em = server.datahub.orm.em.fork();
    const target = await em.findOneOrFail(User, { email: 'aanlever@zuidermeer.test' }, { populate: ['organisation'] });
    const zuidermeer = target.organisation.getEntity().institution?.id;
    const assignment = (await users()).find((user) => user.id === target.id)?.roles[0]?.id;
    await signIn(server, 'aanlever@zuidermeer.test');
    await tokenFor(server, 'aanlever@zuidermeer.test');
    const session = (await em.getConnection().execute(`select id from session where user_id = ? limit 1`, [target.id]))[0]?.id as string;
    const apiToken = (await em.getConnection().execute(`select id from api_token where user_id = ? limit 1`, [target.id]))[0]?.id as string;
    const invitation = expectOk(
      await asUser<{ inviteUser: { id: string } }>(server, admin, INVITE, {
        input: { email: 'uitgenodigd@zuidermeer.test', name: 'Uma Uitgenodigd', role: 'VIEWER', institutionCode: '11111111', registryCodes: ['CAT'] },
      }),
    ).inviteUser.id;
    const since = (await em.getConnection().execute(`select coalesce(max(id), 0) as id from audit_event`))[0]?.id as string;
    const attempts: [string, string, Record<string, unknown>][] = [
      ['grantRole', GRANT, { userId: target.id, input: { role: 'VIEWER', institutionCode: '15330041', registryCodes: ['CAT'] } }],
      ['revokeRole', REVOKE, { id: assignment }],
      ['deactivateUser', 'mutation ($id: ID!) { deactivateUser(userId: $id) { __typename ... on Refusal { code } } }', { id: target.id }],
      ['reactivateUser', 'mutation ($id: ID!) { reactivateUser(userId: $id) { __typename ... on Refusal { code } } }', { id: target.id }],
      ['endSession', 'mutation ($id: ID!) { endSession(id: $id) { __typename ... on Refusal { code } } }', { id: session }],
      ['withdrawInvitation', 'mutation ($id: ID!) { withdrawInvitation(id: $id) { __typename ... on Refusal { code } } }', { id: invitation }],
      ['revokeApiToken', 'mutation ($id: ID!) { revokeApiToken(id: $id) { __typename ... on Refusal { code } } }', { id: apiToken }],
    ];
    const answers: unknown[] = [];
    for (const [name, mutation, variables] of attempts) {
      const data = expectOk(await asUser<Record<string, { code?: string }>>(server, maasdal, mutation, variables));
      answers.push(data[name]?.code);
    }
    const rows = (await em
      .getConnection()
      .execute(
        `select action, institution_id from audit_event where id > ? and event = 'AUTHORISATION_FAILURE' and actor_email = 'beheer@maasdal.test' order by id`,
        [since],
      )) as { action: string; institution_id: string }[];
    expect(answers).to.deep.equal(attempts.map(() => 'NOT_FOUND'));
    expect(rows.map((row) => [row.action, row.institution_id])).to.deep.equal(attempts.map(([action]) => [action, zuidermeer]));
  });

  it("tells a local administrator nothing about institution codes they do not administer: an unknown one is refused like another's, and audited", async () => {
    const own = (await users()).find((user) => user.email === 'inzage@zuidermeer.test') as UserRow;
    const answer = async (institutionCode: string) => ({
      grant: expectOk(
        await asUser<{ grantRole: unknown }>(server, admin, GRANT, { userId: own.id, input: { role: 'VIEWER', institutionCode, registryCodes: ['CAT'] } }),
      ).grantRole,
      invite: expectOk(
        await asUser<{ inviteUser: unknown }>(server, admin, INVITE, {
          input: { email: `iemand.${institutionCode}@elders.test`, name: 'Iemand', role: 'VIEWER', institutionCode, registryCodes: ['CAT'] },
        }),
      ).inviteUser,
    });
    const em = server.datahub.orm.em.fork();
    const since = (await em.getConnection().execute(`select coalesce(max(id), 0) as id from audit_event`))[0]?.id as string;
    const another = await answer('15330041');
    const unknown = await answer('99999999');
    const rows = (await em
      .getConnection()
      .execute(`select action from audit_event where id > ? and event = 'AUTHORISATION_FAILURE' and actor_email = 'beheer@zuidermeer.test' order by id`, [
        since,
      ])) as { action: string }[];
    expect(another.grant).to.include({ __typename: 'Refused', code: 'FORBIDDEN' });
    expect(another.invite).to.include({ __typename: 'Refused', code: 'FORBIDDEN', field: null });
    expect(unknown).to.deep.equal(another);
    expect(rows.map((row) => row.action)).to.deep.equal(['grantRole', 'inviteUser', 'grantRole', 'inviteUser']);
  });
});
