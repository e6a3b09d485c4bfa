import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'chai';
import { Period } from '../../server/src/common/period';
import { validateDelivery } from '../../server/validation/src/engine';
import { fileSource, nodeUtf8Validator } from '../../server/validation/src/node-files';
import { dictionaries } from './helpers';

interface Expectation {
  status: string;
  records: number;
  accepted: number;
  codes: Record<string, number>;
}

describe('example files beside each dictionary give the outcome their expected.json states', () => {
  it('every dictionary has a valid example and at least one invalid one, CSV and (where accepted) XML', async () => {
    for (const d of await dictionaries()) {
      const files = await readdir(path.join(path.dirname(d.file), 'examples'));
      for (const format of d.dictionary.formats) {
        expect(files, `${d.file} ${format}`).to.include(`valid.${format}`);
        expect(
          files.filter((f) => f.startsWith('invalid-') && f.endsWith(`.${format}`)),
          `${d.file} ${format}`,
        ).to.not.be.empty;
      }
    }
  });

  it('every example file is listed in its expected.json', async () => {
    for (const d of await dictionaries()) {
      const dir = path.join(path.dirname(d.file), 'examples');
      const manifest = JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8')) as { files: Record<string, unknown> };
      const files = (await readdir(dir)).filter((f) => f !== 'expected.json');
      expect(Object.keys(manifest.files).sort()).to.deep.equal(files.sort());
    }
  });

  describe('each example', () => {
    before(async function () {
      for (const d of await dictionaries()) {
        const dir = path.join(path.dirname(d.file), 'examples');
        const manifest = JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8')) as {
          period: string;
          deliveryDate: string;
          files: Record<string, Expectation>;
        };
        const period = Period.parse(manifest.period);
        for (const [name, expected] of Object.entries(manifest.files)) {
          const result = await validateDelivery(fileSource(path.join(dir, name)), d.compiled, {
            fileName: name,
            period: { code: period.code, start: period.startDate, end: period.endDate },
            deliveryDate: manifest.deliveryDate,
            utf8Validator: nodeUtf8Validator,
          });
          results.push({ label: `${d.registry}/${d.subDelivery}/${d.version} ${name}`, expected, result });
        }
      }
    });
    const results: Array<{ label: string; expected: Expectation; result: Awaited<ReturnType<typeof validateDelivery>> }> = [];
    it('gives the status, record counts and counts per code of its expected.json', () => {
      expect(results.length).to.equal(19);
      for (const { label, expected, result } of results) {
        expect({ status: result.status, records: result.totals.records, accepted: result.totals.accepted, codes: result.totals.byCode }, label).to.deep.equal(
          expected,
        );
      }
    });
  });
});
