import { expect } from 'chai';
import { checkDeliveryFileName, parseDeliveryFileName } from '../../server/validation/src/file-name';

describe('delivery file names', () => {
  it('parses the example name of docs/domain.md into its fields', () => {
    expect(parseDeliveryFileName('11111111_0_CAT_1.4_1_20201214_PROD.xml')).to.deep.equal({
      ok: true,
      fields: {
        institutionCode: '11111111',
        unit: 0,
        registry: 'CAT',
        version: '1.4',
        sequenceNumber: 1,
        creationDate: '2020-12-14',
        test: false,
        format: 'xml',
      },
    });
  });

  it('reads a multi-part version and a TEST delivery', () => {
    const parsed = parseDeliveryFileName('12345678_2_PMICD_2018.0.5_17_20260301_TEST.csv');
    expect(parsed.ok && [parsed.fields.version, parsed.fields.test, parsed.fields.unit, parsed.fields.sequenceNumber]).to.deep.equal(['2018.0.5', true, 2, 17]);
  });

  it('names every part that is wrong', () => {
    expect(parseDeliveryFileName('1111111_x_cat_1,4_0_20201332_ACC.txt')).to.deep.equal({
      ok: false,
      problems: ['extension', 'institutionCode', 'unit', 'registry', 'version', 'sequenceNumber', 'creationDate', 'environment'].map((part) => ({
        part,
        reason: 'invalid',
      })),
    });
  });

  it('says when the number of parts is wrong', () => {
    expect(parseDeliveryFileName('11111111_0_CAT_1.4_20201214_PROD.csv')).to.deep.equal({ ok: false, problems: [{ part: 'name', reason: 'partCount' }] });
  });

  it('refuses path separators, right-to-left overrides, control characters and 500-character names', () => {
    for (const name of ['../11111111_0_CAT_1.4_1_20201214_PROD.csv', '11111111_0_CAT_1.4_1_20201214_PROD\u202Evsc.xml', 'a\u0000.csv']) {
      expect(parseDeliveryFileName(name)).to.deep.equal({ ok: false, problems: [{ part: 'name', reason: 'forbiddenCharacters' }] });
    }
    expect(parseDeliveryFileName(`${'1'.repeat(496)}.csv`)).to.deep.equal({ ok: false, problems: [{ part: 'name', reason: 'tooLong' }] });
  });

  it('gives B08 for a non-conforming name (filled in by hand), with no BSN-long digit run or control character in it', () => {
    const check = checkDeliveryFileName('export 111222333\u202E.csv');
    expect(check.findings).to.deep.equal([{ recordNumber: null, code: 'B08', class: 'BW', field: null, params: { name: 'export …?.csv' }, keyValues: null }]);
  });

  it('gives B07 for another institution and for an unknown registry or version, and B09 for a sequence number not above the last', () => {
    const known = [{ registry: 'CAT', version: '1.4' }];
    const codes = (name: string, last: number | null) =>
      checkDeliveryFileName(name, { institutionCode: '11111111', knownVersions: known, lastSequenceNumber: last }).findings.map((f) => [
        f.code,
        f.params['detail'] ?? f.params['n'],
      ]);
    expect(codes('11111111_0_CAT_1.4_5_20260101_PROD.csv', 4)).to.deep.equal([]);
    expect(codes('22222222_0_CAT_1.4_5_20260101_PROD.csv', null)).to.deep.equal([['B07', 'otherInstitution']]);
    expect(codes('11111111_0_XYZ_1.4_5_20260101_PROD.csv', null)).to.deep.equal([['B07', 'unknownRegistry']]);
    expect(codes('11111111_0_CAT_1.5_5_20260101_PROD.csv', null)).to.deep.equal([['B07', 'unknownVersion']]);
    expect(codes('11111111_0_CAT_1.4_4_20260101_PROD.csv', 4)).to.deep.equal([['B09', 4]]);
  });
});
