import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { Role } from '../../../server/src/kernel/role';
import { cronItems, SEND_REMINDERS, workerTasks } from '../../../server/src/jobs/worker';
import { sendDueReminders } from '../../../server/src/overviews/module';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { createInstitution, createInstitutionUser, deliver, DeliveryStatus, participate } from '../../support/delivery-rows';
import { sharedServer, type TestServer } from '../../support/server';

/** The mails in the outbox addressed to `to`, oldest first. */
function mailsTo(server: TestServer, to: string): string[] {
  const outbox = path.join(server.dataDir, 'outbox');
  return readdirSync(outbox)
    .sort()
    .map((file) => readFileSync(path.join(outbox, file), 'utf8'))
    .filter((text) => text.includes(`To: ${to}`));
}

describe('reminders job', () => {
  let server: TestServer;
  let code: string;
  let submitter: string;
  const run = (asOf: string) => sendDueReminders(server.datahub.services, asOf);

  before(async () => {
    server = await sharedServer();
  });
  beforeEach(async () => {
    code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1' });
    submitter = await createInstitutionUser(server, code, Role.SUBMITTER, 'CAT');
  });

  it("mails the stream's submitter 14 days before the deadline, with a link to upload for it", async () => {
    await run('2026-04-17');
    const [mail] = mailsTo(server, submitter);
    expect(mail?.replace(/=\r?\n/g, '').replace(/=3D/g, '='))
      .to.contain('CAT Cataract 2026K1')
      .and.to.contain('/aanleveren?registry=CAT&subDelivery=Cataract&period=2026K1');
  });

  it('sends nothing more when run twice on the same day', async () => {
    await run('2026-04-17');
    await run('2026-04-17');
    expect(mailsTo(server, submitter)).to.have.length(1);
  });

  it('sends each reminder once: 14 days before, 3 days before and the day after the deadline', async () => {
    for (const day of ['2026-04-17', '2026-04-18', '2026-04-28', '2026-04-29', '2026-05-02', '2026-05-03']) await run(day);
    expect(mailsTo(server, submitter)).to.have.length(3);
  });

  it('never reminds an institution that already delivered', async () => {
    await deliver(server, {
      institution: code,
      registry: 'CAT',
      subDelivery: 'Cataract',
      period: '2026K1',
      on: '2026-04-10',
      status: DeliveryStatus.PROCESSED,
    });
    // Another institution of the same stream that has not delivered: the run does remind someone.
    const other = await createInstitution(server);
    await participate(server, { institution: other, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1' });
    const stillMissing = await createInstitutionUser(server, other, Role.SUBMITTER, 'CAT');
    await run('2026-04-17');
    expect([mailsTo(server, submitter).length, mailsTo(server, stillMissing).length]).to.deep.equal([0, 1]);
  });

  it("puts all of a user's reminders of one day in one digest", async () => {
    await participate(server, { institution: code, registry: 'PMICD', subDelivery: 'PMICD', start: '2026K1' });
    const both = await createInstitutionUser(server, code, Role.SUBMITTER, 'CAT');
    const em = server.datahub.orm.em.fork();
    await em.getConnection().execute(
      `insert into role_assignment (id, user_id, role, institution_id, registry_id, granted_at)
       select gen_random_uuid(), u.id, 'SUBMITTER', i.id, r.id, now() from app_user u, institution i, registry r where u.email = ? and i.code = ? and r.code = 'PMICD'`,
      [both, code],
    );
    await run('2026-04-27');
    const mails = mailsTo(server, both);
    expect([mails.length, /PMICD PMICD 2026K1/.test(mails[0] ?? ''), /CAT Cataract 2026K1/.test(mails[0] ?? '')]).to.deep.equal([1, true, true]);
  });

  it('does not mail viewers', async () => {
    const viewer = await createInstitutionUser(server, code, Role.VIEWER, 'CAT');
    await run('2026-04-17');
    expect([mailsTo(server, viewer).length, mailsTo(server, submitter).length]).to.deep.equal([0, 1]);
  });

  it("respects a user's opt-out for the registry", async () => {
    const token = await tokenFor(server, submitter);
    const settings = expectOk(
      await asUser<{ setReminderOptOut: { preferences: { registry: { code: string }; optedOut: boolean }[] } }>(
        server,
        token,
        'mutation { setReminderOptOut(registry: "CAT", optOut: true) { ... on ReminderPreferenceList { preferences { registry { code } optedOut } } } }',
      ),
    );
    await run('2026-04-17');
    expect([settings.setReminderOptOut.preferences, mailsTo(server, submitter).length]).to.deep.equal([[{ registry: { code: 'CAT' }, optedOut: true }], 0]);
  });

  it('refuses an opt-out for an unknown registry as UNKNOWN_REGISTRY naming the field', async () => {
    const token = await tokenFor(server, submitter);
    const answer = expectOk(
      await asUser<{ setReminderOptOut: unknown }>(
        server,
        token,
        'mutation { setReminderOptOut(registry: "NOPE", optOut: true) { __typename ... on Refusal { code field } } }',
      ),
    );
    expect(answer.setReminderOptOut).to.deep.equal({ __typename: 'Refused', code: 'UNKNOWN_REGISTRY', field: 'registry' });
  });
});

describe("reminders on the worker's daily schedule", () => {
  let server: TestServer;

  before(async () => {
    server = await sharedServer();
  });

  it("the worker's crontab runs the reminders task every day at 05:00 UTC and at no other hour", () => {
    const items = cronItems();
    const at = (hour: number, date: number, dow: number) =>
      items.filter((item) => item.task === SEND_REMINDERS && item.match({ min: 0, hour, date, month: 4, dow })).length;
    expect([at(5, 17, 5), at(5, 18, 6), at(5, 19, 0), at(6, 17, 5), at(4, 17, 5)]).to.deep.equal([1, 1, 1, 0, 0]);
  });

  it("the scheduled task sends the reminders due on the server's day in Amsterdam", async () => {
    const code = await createInstitution(server);
    await participate(server, { institution: code, registry: 'CAT', subDelivery: 'Cataract', start: '2026K1' });
    const submitter = await createInstitutionUser(server, code, Role.SUBMITTER, 'CAT');
    // 17 April 2026, 05:00 UTC: 14 days before the 2026K1 deadline of 1 May.
    const shift = new Date('2026-04-17T05:00:00Z').getTime() - server.clock.now().getTime();
    server.clock.advance(shift);
    try {
      await workerTasks(server.datahub.services)[SEND_REMINDERS]!({}, {} as never);
    } finally {
      server.clock.advance(-shift);
    }
    expect(mailsTo(server, submitter).join('\n')).to.contain('CAT Cataract 2026K1');
  });
});
