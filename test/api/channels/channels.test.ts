import { expect } from 'chai';
import { registryChannelConflict } from '../../../server/src/channels/module';
import { Institution } from '../../../server/src/institutions/institution.entity';
import { Channel } from '../../../server/src/registries/channel';
import { Registry } from '../../../server/src/registries/registry.entity';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { UPLOAD } from '../../support/deliveries';
import { multipartHead, uploadUntilAnswered } from '../../support/multipart';
import { startTestServer, type TestServer } from '../../support/server';

const ACTIVE = 'query ($code: String!, $registry: String!) { activeChannel(institutionCode: $code, registry: $registry) }';
const FIELDS = 'id status channel fromChannel desiredPeriod effectivePeriod decisionNote institution { code } registry { code }';
const REQUEST = `mutation ($input: RequestChannelSwitchInput!) { requestChannelSwitch(input: $input) { __typename ... on ChannelSwitchRequest { ${FIELDS} } ... on Refusal { code field } } }`;
const DECIDE = `mutation ($input: DecideChannelSwitchInput!) { decideChannelSwitch(input: $input) { __typename ... on ChannelSwitchRequest { ${FIELDS} } ... on Refusal { code } } }`;
const LIST = `{ channelSwitchRequests { ${FIELDS} } }`;
const CHECK = 'query ($name: String!) { checkDeliveryFileName(fileName: $name) { problems { code message } } }';

interface SwitchView {
  __typename: string;
  id: string;
  status: string;
  channel: string;
  fromChannel: string | null;
  effectivePeriod: string | null;
  code?: string;
  field?: string;
}

const MB = 1024 * 1024;

describe('one channel per registry', function () {
  this.timeout(120000);
  let server: TestServer;
  let hub: string;
  let admin: string;
  let otherAdmin: string;
  let submitter: string;
  const active = async (token: string, code: string, registry: string) =>
    expectOk(await asUser<{ activeChannel: string | null }>(server, token, ACTIVE, { code, registry })).activeChannel;
  const request = async (token: string, input: Record<string, unknown>) =>
    expectOk(await asUser<{ requestChannelSwitch: SwitchView }>(server, token, REQUEST, { input })).requestChannelSwitch;
  const decide = async (input: Record<string, unknown>) =>
    expectOk(await asUser<{ decideChannelSwitch: SwitchView }>(server, hub, DECIDE, { input })).decideChannelSwitch;
  const pending = async (token: string) => expectOk(await asUser<{ channelSwitchRequests: SwitchView[] }>(server, token, LIST)).channelSwitchRequests;

  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    admin = await tokenFor(server, 'beheer@zuidermeer.test');
    otherAdmin = await tokenFor(server, 'beheer@maasdal.test');
    submitter = await tokenFor(server, 'aanlever@zuidermeer.test');
  });

  it("takes the active channel from the participations: the demo's eye hospital enters CAT by hand, Zuidermeer uploads", async () => {
    expect(await active(hub, '22070112', 'CAT')).to.equal('ENTRY_PORTAL');
    expect(await active(submitter, '11111111', 'CAT')).to.equal('PORTAL');
    expect(await active(otherAdmin, '11111111', 'CAT'), "another institution's").to.equal(null);
  });

  it('refuses a switch to the channel already active, and to one the registry does not accept', async () => {
    expect(await request(admin, { registry: 'CAT', channel: 'PORTAL', reason: 'x', desiredPeriod: '2026K1' })).to.include({ code: 'CHANNEL_ALREADY_ACTIVE' });
    expect(await request(admin, { registry: 'MMY', channel: 'FHIR', reason: 'x', desiredPeriod: '2026K1' })).to.include({ code: 'CHANNEL_NOT_ACCEPTED' });
    expect(await request(admin, { registry: 'CAT', channel: 'ENTRY_PORTAL', reason: ' ', desiredPeriod: '2026K1' })).to.include({ code: 'REASON_REQUIRED' });
  });

  it('a declined request changes nothing and cannot be decided again', async () => {
    const asked = await request(admin, { registry: 'CAT', channel: 'ENTRY_PORTAL', reason: 'Tijdelijk handmatig invoeren', desiredPeriod: '2026K2' });
    expect(asked).to.include({ __typename: 'ChannelSwitchRequest', status: 'PENDING', fromChannel: 'PORTAL', channel: 'ENTRY_PORTAL' });
    expect((await pending(hub)).map((row) => row.id)).to.include(asked.id);
    expect((await pending(admin)).map((row) => row.id)).to.include(asked.id);
    expect((await pending(otherAdmin)).map((row) => row.id)).to.not.include(asked.id);
    expect(await decide({ id: asked.id, decision: 'DECLINE', note: 'Niet nodig' })).to.include({ status: 'DECLINED' });
    expect(await decide({ id: asked.id, decision: 'APPROVE' })).to.include({ code: 'ALREADY_DECIDED' });
    expect((await pending(hub)).map((row) => row.id)).to.not.include(asked.id);
    expect(await active(admin, '11111111', 'CAT')).to.equal('PORTAL');
  });

  it('an approval from a period that has not begun leaves the channel as it is until then', async () => {
    const asked = await request(admin, { registry: 'CAT', channel: 'ENTRY_PORTAL', reason: 'Nieuw EPD', desiredPeriod: '2026K1' });
    expect(await decide({ id: asked.id, decision: 'APPROVE', effectivePeriod: '2099K1' })).to.include({ status: 'APPROVED', effectivePeriod: '2099K1' });
    expect(await active(admin, '11111111', 'CAT')).to.equal('PORTAL');
  });

  describe('once the entry portal is the active channel for CAT', () => {
    before(async () => {
      const asked = await request(admin, { registry: 'CAT', channel: 'ENTRY_PORTAL', reason: 'Handmatige invoer', desiredPeriod: '2026K1' });
      await decide({ id: asked.id, decision: 'APPROVE' });
    });

    it('answers activeChannel with the switched channel', async () => {
      expect(await active(hub, '11111111', 'CAT')).to.equal('ENTRY_PORTAL');
    });

    it('refuses a portal upload before a byte of the file is read, naming the active channel', async () => {
      const head = multipartHead(
        { query: UPLOAD, variables: { file: null, input: { period: '2026K1' } } },
        { 0: ['variables.file'] },
        '11111111_0_CAT_1.4_7_20260410_PROD.csv',
      );
      const { answer, fileBytesSent } = await uploadUntilAnswered(server.url, head, 256 * MB, { authorization: `Bearer ${submitter}` });
      const body = JSON.parse(answer.text) as { data?: { uploadDelivery?: { __typename: string; code: string; message: string } } };
      expect(body.data?.uploadDelivery).to.include({ __typename: 'Refused', code: 'CHANNEL_NOT_ACTIVE' });
      expect(body.data?.uploadDelivery?.message).to.include('Invoerportaal (ENTRY_PORTAL)');
      expect(fileBytesSent).to.be.lessThan(64 * MB);
    });

    it('checkDeliveryFileName names the same refusal', async () => {
      const checked = expectOk(
        await asUser<{ checkDeliveryFileName: { problems: { code: string }[] } }>(server, submitter, CHECK, { name: '11111111_0_CAT_1.4_7_20260410_PROD.csv' }),
      );
      expect(checked.checkDeliveryFileName.problems.map((problem) => problem.code)).to.include('CHANNEL_NOT_ACTIVE');
    });

    it('still accepts other registries through the portal', async () => {
      const checked = expectOk(
        await asUser<{ checkDeliveryFileName: { problems: { code: string }[] } }>(server, submitter, CHECK, { name: '11111111_0_MMY_2.1_7_20260410_PROD.csv' }),
      );
      expect(checked.checkDeliveryFileName.problems.map((problem) => problem.code)).to.not.include('CHANNEL_NOT_ACTIVE');
    });

    it('setParticipation refuses a second channel for the registry with CHANNEL_NOT_ACTIVE naming the active one', async () => {
      const SET = `mutation ($input: ParticipationInput!) { setParticipation(input: $input) { __typename ... on Refusal { code message field } } }`;
      const input = { institutionCode: '11111111', registry: 'CAT', subDelivery: 'Cataract', startPeriod: '2024K1', channel: 'PORTAL' };
      const refused = expectOk(
        await asUser<{ setParticipation: { code?: string; message?: string; field?: string } }>(server, hub, SET, { input }),
      ).setParticipation;
      expect(refused).to.include({ code: 'CHANNEL_NOT_ACTIVE', field: 'channel' });
      expect(refused.message).to.include('Invoerportaal (ENTRY_PORTAL)');
    });

    it('registryChannelConflict reports the active channel for another one, and nothing for the same', async () => {
      const em = server.datahub.orm.em.fork();
      const institution = await em.findOneOrFail(Institution, { code: '11111111' });
      const registry = await em.findOneOrFail(Registry, { code: 'CAT' });
      expect(await registryChannelConflict(em, institution.id, registry.id, Channel.PORTAL)).to.equal(Channel.ENTRY_PORTAL);
      expect(await registryChannelConflict(em, institution.id, registry.id, Channel.ENTRY_PORTAL)).to.equal(null);
    });

    it('audits the requests and decisions', async () => {
      const rows = await server.datahub.orm.em
        .fork()
        .getConnection()
        .execute<{ action: string }[]>(`select distinct action from audit_event where object_type = 'ChannelSwitchRequest'`);
      expect(rows.map((row) => row.action)).to.include.members(['requestChannelSwitch', 'decideChannelSwitch']);
    });
  });
});
