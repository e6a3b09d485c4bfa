import { expect } from 'chai';
import { Invitation } from '../../../server/src/access/invitation.entity';
import { AuditEvent, AuditEventType } from '../../../server/src/audit/audit-event.entity';
import { asUser, expectOk, signIn, tokenFor } from '../../support/actors';
import { graphql } from '../../support/client';
import { ownerQuery, startTestServer, type TestServer } from '../../support/server';

const EVENTS = `query ($filter: AuditEventFilterInput) { auditEvents(filter: $filter, first: 100) { nodes { event action actorEmail institutionId detail } } }`;

describe('audit log (NEN 7513)', () => {
  let server: TestServer;
  let hub: string;
  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });

  it('records a refused operation with who tried what', async () => {
    const viewer = await tokenFor(server, 'inzage@zuidermeer.test');
    await asUser(server, viewer, '{ organisations { nodes { name } } }');
    await graphql(server.url, '{ institutions { code } }');
    const rows = expectOk(
      await asUser<{ auditEvents: { nodes: { action: string; actorEmail: string | null; detail: string }[] } }>(server, hub, EVENTS, {
        filter: { event: 'AUTHORISATION_FAILURE' },
      }),
    );
    const actions = rows.auditEvents.nodes.map((row) => `${row.actorEmail ?? 'anonymous'} ${row.action} ${row.detail}`);
    expect(actions).to.include('inzage@zuidermeer.test Query.organisations NEEDS HUB_STAFF');
    expect(actions).to.include('anonymous Query.institutions NOT_AUTHENTICATED');
  });

  it('writes an audit row for a sent invitation, and for one refused for its scope a REFUSAL row with the code', async () => {
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    const invite = 'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { __typename } }';
    await asUser(server, admin, invite, { input: { email: 'a@zuidermeer.test', name: 'A', role: 'SUBMITTER', institutionCode: '11111111' } });
    await asUser(server, admin, invite, {
      input: { email: 'b@zuidermeer.test', name: 'B', role: 'VIEWER', institutionCode: '11111111', registryCodes: ['CAT'] },
    });
    const rows = await server.datahub.orm.em.fork().find(AuditEvent, { action: 'inviteUser' }, { orderBy: { id: 'asc' } });
    expect(rows.map((row) => `${row.event} ${row.detail}`)).to.deep.equal(['REFUSAL ROLE_SCOPE', 'CREATE VIEWER']);
  });

  it("stores no change whose audit row cannot be written (the row is in the change's transaction)", async () => {
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    await ownerQuery(server, `alter table audit_event add constraint refuse_invitations check (action <> 'inviteUser') not valid`);
    try {
      const response = await asUser(server, admin, 'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { __typename } }', {
        input: { email: 'atomair@zuidermeer.test', name: 'Atoom', role: 'VIEWER', institutionCode: '11111111', registryCodes: ['CAT'] },
      });
      expect(response.errors?.[0]?.extensions?.code).to.equal('INTERNAL_SERVER_ERROR');
      expect(await server.datahub.orm.em.fork().count(Invitation, { email: 'atomair@zuidermeer.test' })).to.equal(0);
    } finally {
      await ownerQuery(server, 'alter table audit_event drop constraint refuse_invitations');
    }
  });

  it('shows a local administrator only entries about their own institution', async () => {
    const maasdal = await tokenFor(server, 'beheer@maasdal.test');
    const own = expectOk(await asUser<{ auditEvents: { nodes: { institutionId: string | null }[] } }>(server, maasdal, EVENTS, {}));
    const foreign = expectOk(await asUser<{ auditEvents: { nodes: unknown[] } }>(server, maasdal, EVENTS, { filter: { institutionCode: '11111111' } }));
    const maasdalId = (await server.datahub.orm.em.fork().getConnection().execute(`select id from institution where code = '15330041'`))[0].id;
    expect(own.auditEvents.nodes.every((row) => row.institutionId === maasdalId)).to.equal(true);
    expect(foreign.auditEvents.nodes).to.deep.equal([]);
  });

  it("shows a local administrator their colleagues' logins, with the institution's code", async () => {
    const maasdal = await tokenFor(server, 'beheer@maasdal.test');
    await signIn(server, 'beheer@maasdal.test');
    const rows = expectOk(
      await asUser<{ auditEvents: { nodes: { event: string; actorEmail: string; institutionCode: string }[] } }>(
        server,
        maasdal,
        '{ auditEvents(filter: { event: LOGIN }) { nodes { event actorEmail institutionCode } } }',
      ),
    );
    expect(rows.auditEvents.nodes.length).to.be.greaterThan(0);
    expect(rows.auditEvents.nodes.every((row) => row.actorEmail === 'beheer@maasdal.test' && row.institutionCode === '15330041')).to.equal(true);
  });

  it("records reading an institution's people and searching the log, with who did it", async () => {
    const admin = await tokenFor(server, 'beheer@zuidermeer.test');
    await asUser(server, admin, '{ institutionUsers(institutionCode: "11111111") { nodes { id } } }');
    await asUser(server, admin, '{ auditEvents { nodes { id } } }');
    const em = server.datahub.orm.em.fork();
    const read = await em.find(AuditEvent, { event: AuditEventType.READ, action: 'institutionUsers', actorEmail: 'beheer@zuidermeer.test' });
    const search = await em.find(AuditEvent, { event: AuditEventType.SEARCH, action: 'auditEvents', actorEmail: 'beheer@zuidermeer.test' });
    expect(read).to.have.length(1);
    expect(read[0]?.channel).to.match(/^TOKEN:/);
    expect(search).to.have.length(1);
  });

  it('audits a refused deactivation of the last local administrator as REFUSED with its code, for that local administrator and for hub staff', async () => {
    const maasdal = await tokenFor(server, 'beheer@maasdal.test');
    const self = (await server.datahub.orm.em.fork().getConnection().execute(`select id from app_user where email = 'beheer@maasdal.test'`))[0].id as string;
    const refused = expectOk(
      await asUser<{ deactivateUser: { code: string } }>(server, maasdal, 'mutation ($id: ID!) { deactivateUser(userId: $id) { ... on Refusal { code } } }', {
        id: self,
      }),
    );
    expect(refused.deactivateUser.code).to.equal('LAST_LOCAL_ADMIN');
    const query = `query ($filter: AuditEventFilterInput) { auditEvents(filter: $filter, first: 10) { nodes {
      event outcome action detail refusalMessage actorEmail actorName objectType objectId objectLabel institutionCode institutionName
      actorRoleList { role institutionCode institutionName scopeNames } } } }`;
    type Row = {
      event: string;
      outcome: string;
      action: string;
      detail: string;
      refusalMessage: string;
      actorEmail: string;
      actorName: string;
      objectType: string;
      objectId: string;
      objectLabel: string;
      institutionCode: string;
      institutionName: string;
      actorRoleList: { role: string; institutionCode: string | null; institutionName: string | null; scopeNames: string[] }[];
    };
    const filter = { outcome: 'REFUSED', action: 'deactivateUser' };
    const asAdmin = expectOk(await asUser<{ auditEvents: { nodes: Row[] } }>(server, maasdal, query, { filter })).auditEvents.nodes;
    const asHub = expectOk(await asUser<{ auditEvents: { nodes: Row[] } }>(server, hub, query, { filter })).auditEvents.nodes;
    for (const rows of [asAdmin, asHub]) {
      expect(rows).to.have.length(1);
      const [row] = rows as [Row];
      expect(row).to.deep.include({
        event: 'REFUSAL',
        outcome: 'REFUSED',
        detail: 'LAST_LOCAL_ADMIN',
        actorEmail: 'beheer@maasdal.test',
        objectType: 'User',
        objectId: self,
        institutionCode: '15330041',
        institutionName: 'Maasdal Medisch Centrum',
      });
      expect(row.refusalMessage).to.equal('Dit is de laatste actieve lokaal beheerder van …; wijs eerst een ander aan.');
      expect(row.actorName).to.equal(row.objectLabel).and.to.be.a('string').and.not.equal('');
      expect(row.actorRoleList).to.deep.include({
        role: 'LOCAL_ADMIN',
        institutionCode: '15330041',
        institutionName: 'Maasdal Medisch Centrum',
        scopeNames: [],
      });
    }
    const successes = expectOk(
      await asUser<{ auditEvents: { nodes: Row[] } }>(server, hub, query, { filter: { outcome: 'SUCCESS', action: 'deactivateUser' } }),
    ).auditEvents.nodes;
    expect(successes).to.deep.equal([]);
  });

  it('filters by user, object and outcome, and names a submitter role with its institution and registries', async () => {
    const submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
    await asUser(server, submitter, '{ organisations { nodes { name } } }');
    const submitterId = (await server.datahub.orm.em.fork().getConnection().execute(`select id from app_user where email = 'aanlever@zuidermeer.test'`))[0]
      .id as string;
    const query = `query ($filter: AuditEventFilterInput) { auditEvents(filter: $filter, first: 50) { nodes {
      actorEmail outcome objectId actorRoleList { role institutionName scopeNames } } } }`;
    type Row = {
      actorEmail: string;
      outcome: string;
      objectId: string | null;
      actorRoleList: { role: string; institutionName: string | null; scopeNames: string[] }[];
    };
    const byUser = expectOk(await asUser<{ auditEvents: { nodes: Row[] } }>(server, hub, query, { filter: { actorUserId: submitterId, outcome: 'REFUSED' } }))
      .auditEvents.nodes;
    expect(byUser.length).to.be.greaterThan(0);
    expect(byUser.every((row) => row.actorEmail === 'aanlever@zuidermeer.test' && row.outcome === 'REFUSED')).to.equal(true);
    const submitterRole = byUser[0]?.actorRoleList.find((role) => role.role === 'SUBMITTER');
    expect(submitterRole?.institutionName).to.equal('Universitair Medisch Centrum Zuidermeer');
    expect(submitterRole?.scopeNames.length).to.be.greaterThan(0);
    const maasdalAdmin = (await server.datahub.orm.em.fork().getConnection().execute(`select id from app_user where email = 'beheer@maasdal.test'`))[0]
      .id as string;
    await asUser(server, await tokenFor(server, 'beheer@maasdal.test'), 'mutation ($id: ID!) { deactivateUser(userId: $id) { __typename } }', {
      id: maasdalAdmin,
    });
    const byObject = expectOk(await asUser<{ auditEvents: { nodes: Row[] } }>(server, hub, query, { filter: { objectType: 'User', objectId: maasdalAdmin } }))
      .auditEvents.nodes;
    expect(byObject.length).to.be.greaterThan(0);
    expect(byObject.every((row) => row.objectId === maasdalAdmin)).to.equal(true);
    const malformed = expectOk(await asUser<{ auditEvents: { nodes: Row[] } }>(server, hub, query, { filter: { actorUserId: 'not-an-id' } }));
    expect(malformed.auditEvents.nodes).to.deep.equal([]);
  });

  it("exports as CSV with each event's outcome and formula cells neutralised, and audits the export", async () => {
    await server.datahub.orm.em.fork().insert(AuditEvent, { event: 'READ', action: '=HYPERLINK("x")', channel: 'TEST' } as never);
    const csv = expectOk(await asUser<{ auditEventsCsv: string }>(server, hub, '{ auditEventsCsv }')).auditEventsCsv;
    const exports = await server.datahub.orm.em.fork().count(AuditEvent, { event: AuditEventType.EXPORT, action: 'exportAuditEvents' });
    expect(csv.split('\r\n')[0]).to.equal(
      'id,at,event,outcome,action,actorUserId,actorEmail,actorRoles,channel,onBehalfOf,objectType,objectId,institutionId,address,detail',
    );
    const rows = csv.split('\r\n').slice(1);
    expect(rows.some((row) => /^\d+,[^,]+,AUTHORISATION_FAILURE,REFUSED,/.test(row))).to.equal(true);
    expect(rows.some((row) => /^\d+,[^,]+,READ,SUCCESS,/.test(row))).to.equal(true);
    expect(csv).to.include(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.to.include(`,"=HYPERLINK`);
    expect(exports).to.equal(1);
  });

  it("cannot be changed, deleted or emptied through the application's database connection, which holds no such privilege", async () => {
    const connection = server.datahub.orm.em.fork().getConnection();
    const update = await connection.execute(`update audit_event set action = 'x'`).then(
      () => 'updated',
      (error: Error) => error.message,
    );
    const remove = await connection.execute(`delete from audit_event`).then(
      () => 'deleted',
      (error: Error) => error.message,
    );
    const truncate = await connection.execute(`truncate audit_event`).then(
      () => 'truncated',
      (error: Error) => error.message,
    );
    expect([update, remove, truncate].map((message) => /permission denied for table audit_event/.test(message))).to.deep.equal([true, true, true]);
  });

  it('cannot be changed, deleted or emptied even by its owner while the append-only triggers stand', async () => {
    const attempt = (text: string) =>
      ownerQuery(server, text).then(
        () => 'done',
        (error: Error) => error.message,
      );
    const update = await attempt(`update audit_event set action = 'x'`);
    const remove = await attempt(`delete from audit_event`);
    const truncate = await attempt(`truncate audit_event`);
    expect(update).to.include('append-only');
    expect(remove).to.include('append-only');
    expect(truncate).to.include('append-only');
  });
});
