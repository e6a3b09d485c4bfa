import { expect } from 'chai';
import { ParticipationState } from '../../../server/src/participations/participation-state';
import { tokenFor } from '../../support/actors';
import { sharedServer, type TestServer } from '../../support/server';
import { expected } from '../overviews/helpers';
import { hospital, type Hospital, move, putInState, signUpForCat } from './helpers';

/** The quarters of Cataract expected for the institution up to 2027-03-31 (TOTAAL left out). */
async function quarters(server: TestServer, token: string, code: string): Promise<string[]> {
  const rows = await expected(server, token, { institution: code, subDelivery: 'Cataract', state: ['OPEN', 'MISSING', 'ON_TIME', 'LATE'] }, '2027-03-31');
  return [...new Set(rows.nodes.map((row) => row.period).filter((period) => period.includes('K')))].sort();
}

describe('participation lifecycle: what is expected', () => {
  let server: TestServer;
  let hub: string;
  let who: Hospital;
  let id: string;
  before(async () => {
    server = await sharedServer();
    hub = await tokenFor(server, 'hub@datahub.test');
  });
  beforeEach(async () => {
    who = await hospital(server);
    id = await signUpForCat(server, who);
  });

  it('nothing is expected before PRODUCTION', async () => {
    await putInState(server, id, ParticipationState.TESTING);
    expect(await quarters(server, hub, who.code)).to.deep.equal([]);
  });

  it('in PRODUCTION every quarter from the start period is expected', async () => {
    await putInState(server, id, ParticipationState.PRODUCTION);
    expect(await quarters(server, hub, who.code)).to.deep.equal(['2026K1', '2026K2', '2026K3', '2026K4', '2027K1']);
  });

  it('a suspension (today, in 2026K4) expects nothing for the periods it overlaps; earlier ones stay expected', async () => {
    await putInState(server, id, ParticipationState.PRODUCTION);
    await move(server, hub, { id, to: 'SUSPENDED' });
    const today = server.clock.now().toISOString().slice(0, 10);
    const quarter = `${today.slice(0, 4)}K${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
    const listed = await quarters(server, hub, who.code);
    expect(listed).to.not.include(quarter);
    expect(listed).to.include('2026K1');
  });

  it('after resuming, the periods that begin after the resumption are expected again', async () => {
    await putInState(server, id, ParticipationState.PRODUCTION);
    await move(server, hub, { id, to: 'SUSPENDED' });
    const suspended = await quarters(server, hub, who.code);
    await move(server, hub, { id, to: 'PRODUCTION' });
    const resumed = await quarters(server, hub, who.code);
    expect(resumed.length).to.be.greaterThan(suspended.length - 1);
    expect(resumed).to.include('2027K1');
  });

  it('ENDED with an end period expects up to and including that period only; the history stays readable', async () => {
    await putInState(server, id, ParticipationState.PRODUCTION);
    await move(server, hub, { id, to: 'ENDED', endPeriod: '2026K2' });
    expect(await quarters(server, hub, who.code)).to.deep.equal(['2026K1', '2026K2']);
  });

  it('a sign-up withdrawn before PRODUCTION expects nothing', async () => {
    await move(server, who.admin, { id, to: 'ENDED' });
    expect(await quarters(server, hub, who.code)).to.deep.equal([]);
  });

  it('signed up again after ENDED and back in TESTING, it expects nothing: only a vendor change keeps TESTING expecting', async () => {
    await putInState(server, id, ParticipationState.PRODUCTION);
    await move(server, hub, { id, to: 'ENDED', endPeriod: '2026K2' });
    expect(await signUpForCat(server, who)).to.equal(id);
    await putInState(server, id, ParticipationState.TESTING);
    expect(await quarters(server, hub, who.code)).to.deep.equal([]);
  });
});
