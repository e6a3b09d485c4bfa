import { expect } from 'chai';
import { ParticipationState } from '../../../server/src/participations/participation-state';
import { asUser, expectOk, tokenFor } from '../../support/actors';
import { startTestServer, type TestServer } from '../../support/server';
import { hospital, putInState, signUpForCat } from './helpers';

const BOARD = `query ($filter: ParticipationBoardFilterInput, $first: Int, $after: String) { participationBoard(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id state institution { code } subDelivery { code registry { code } } } } }`;

interface Board {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { id: string; state: string; institution: { code: string }; subDelivery: { code: string; registry: { code: string } } }[];
}

describe('participation board (hub staff)', () => {
  let server: TestServer;
  let hub: string;
  let testing: string;
  let requestedCode: string;
  let demoCounts: { state: string; count: number }[];
  const counts = async () =>
    expectOk(await asUser<{ participationCounts: { state: string; count: number }[] }>(server, hub, '{ participationCounts { state count } }'))
      .participationCounts;
  const countOf = (rows: { state: string; count: number }[], state: string) => rows.find((row) => row.state === state)?.count ?? 0;
  before(async () => {
    server = await startTestServer();
    hub = await tokenFor(server, 'hub@datahub.test');
    demoCounts = await counts();
    const first = await hospital(server);
    requestedCode = first.code;
    await signUpForCat(server, first);
    const second = await hospital(server);
    testing = await signUpForCat(server, second);
    await putInState(server, testing, ParticipationState.TESTING);
  });
  after(async () => {
    await server.datahub.stop();
  });

  const board = async (filter: Record<string, unknown>, first = 50, after?: string) =>
    expectOk(await asUser<{ participationBoard: Board }>(server, hub, BOARD, { filter, first, after })).participationBoard;

  it('filters by state', async () => {
    const rows = await board({ state: 'TESTING', institution: 'testziekenhuis' });
    expect(rows.nodes.map((row) => row.id)).to.deep.equal([testing]);
    expect((await board({ state: 'TESTING' })).nodes.map((row) => row.state)).to.satisfy((states: string[]) => states.every((state) => state === 'TESTING'));
  });

  it('filters by institution code or name and by registry', async () => {
    const byCode = await board({ institution: requestedCode, registry: 'CAT' });
    expect(byCode.nodes.map((row) => [row.institution.code, row.state])).to.deep.equal([[requestedCode, 'REQUESTED']]);
    expect((await board({ institution: requestedCode, registry: 'PMICD' })).totalCount).to.equal(0);
    expect((await board({ institution: 'testziekenhuis' })).totalCount).to.equal(2);
  });

  it('pages by cursor, newest first', async () => {
    const page = await board({}, 1);
    expect(page.pageInfo.hasNextPage).to.equal(true);
    const next = await board({}, 1, page.pageInfo.endCursor ?? undefined);
    expect(next.nodes[0]?.id).to.not.equal(page.nodes[0]?.id);
    expect(page.nodes[0]?.id).to.equal(testing);
  });

  it('counts participations by state, every state listed', async () => {
    const now = await counts();
    expect(now).to.have.length(8);
    expect(countOf(now, 'TESTING') - countOf(demoCounts, 'TESTING')).to.equal(1);
    expect(countOf(now, 'REQUESTED') - countOf(demoCounts, 'REQUESTED')).to.equal(1);
  });
});
