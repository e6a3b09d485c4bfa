import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'chai';
import { Period } from '../../server/src/common/period';
import { DemoOutcome, demoFile } from '../../server/src/db/seeds/demo-files';
import { validateDelivery } from '../../server/validation/src/engine';
import { nodeUtf8Validator } from '../../server/validation/src/node-files';
import { bytes, dictionaries } from './helpers';

const STATUS: Record<DemoOutcome, string> = {
  [DemoOutcome.CLEAN]: 'PROCESSED',
  [DemoOutcome.RECORD_ERRORS]: 'PROCESSED_WITH_ERRORS',
  [DemoOutcome.REJECTED]: 'REJECTED',
};

/** Periods of the example's own kind the demo delivers for, and a whole year (a TOTAAL or a yearly follow-up). */
function targets(examplePeriod: string): string[] {
  return examplePeriod.includes('H') ? ['2024H2', '2025H1', '2024'] : ['2024K2', '2025K4', '2024'];
}

describe("demo files: generated from each dictionary's valid example, the engine gives them exactly the planned outcome", () => {
  it('every dictionary, every outcome, moved into earlier periods: the planned status, records = copies × example records, and faults only where planned', async () => {
    for (const d of await dictionaries()) {
      const dir = path.join(path.dirname(d.file), 'examples');
      const example = await readFile(path.join(dir, 'valid.csv'), 'utf8');
      const manifest = JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8')) as { period: string; files: Record<string, { records: number }> };
      const exampleRecords = manifest.files['valid.csv']?.records ?? 0;
      for (const target of targets(manifest.period)) {
        const period = Period.parse(target);
        for (const outcome of Object.values(DemoOutcome)) {
          const label = `${d.registry}/${d.subDelivery}/${d.version} ${target} ${outcome}`;
          const content = demoFile({
            dictionary: d.dictionary,
            example,
            exampleStart: Period.parse(manifest.period).startDate as string,
            targetStart: period.startDate as string,
            copies: 3,
            tag: 'D001S7',
            outcome,
          });
          const result = await validateDelivery(bytes(content), d.compiled, {
            fileName: 'demo.csv',
            period: { code: period.code, start: period.startDate, end: period.endDate },
            deliveryDate: '2026-12-01',
            utf8Validator: nodeUtf8Validator,
          });
          expect(result.status, label).to.equal(STATUS[outcome]);
          if (outcome === DemoOutcome.CLEAN) {
            expect(result.totals.records, label).to.equal(3 * exampleRecords);
            expect(result.totals.rejected, label).to.equal(0);
            expect(Object.keys(result.totals.byCode), label).to.deep.equal([]);
          }
          if (outcome === DemoOutcome.RECORD_ERRORS) {
            expect(result.totals.rejected, label).to.be.greaterThan(0).and.lessThan(result.totals.records);
            expect(Object.keys(result.totals.byCode), label).to.satisfy((codes: string[]) => codes.includes('001_RefTab') || codes.includes('002_Type'));
          }
        }
      }
    }
  });

  it('the copies get keys of their own: no duplicate-key line (005) however many copies', async () => {
    for (const d of await dictionaries()) {
      const dir = path.join(path.dirname(d.file), 'examples');
      const manifest = JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8')) as { period: string };
      const period = Period.parse(manifest.period);
      const content = demoFile({
        dictionary: d.dictionary,
        example: await readFile(path.join(dir, 'valid.csv'), 'utf8'),
        exampleStart: period.startDate as string,
        targetStart: period.startDate as string,
        copies: 12,
        tag: 'D001S1',
        outcome: DemoOutcome.CLEAN,
      });
      const result = await validateDelivery(bytes(content), d.compiled, {
        fileName: 'demo.csv',
        period: { code: period.code, start: period.startDate, end: period.endDate },
        deliveryDate: '2026-12-01',
        utf8Validator: nodeUtf8Validator,
      });
      expect(result.totals.byCode, `${d.registry}/${d.subDelivery}`).to.not.have.property('005');
      expect(result.status, `${d.registry}/${d.subDelivery}`).to.equal('PROCESSED');
    }
  });
});
