import { expect } from 'chai';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DictionaryFileError, loadDictionaries } from '../../server/src/dictionaries/dictionary-files';

const SOURCE = path.resolve(__dirname, '../../dictionaries');

describe('loading dictionaries', () => {
  it('loads the four dictionaries of the specs, each resolved with its reference tables and the common checks', async () => {
    const loaded = await loadDictionaries();
    expect(loaded.map((d) => `${d.registry}/${d.subDelivery}/${d.version}`)).to.deep.equal([
      'CAT/Cataract/1.4',
      'MMY/IKNL/2.1',
      'MMY/PROMS/1.0',
      'PMICD/PMICD/2018.0.5',
    ]);
    const cat = loaded[0]!.dictionary;
    expect(cat.referenceTables.map((t) => t.name).sort()).to.deep.equal(['ANESTHESIE', 'COMPLICATIE', 'GESLACHT', 'JN', 'ODS', 'VISUS']);
    expect(cat.referenceTables.find((t) => t.name === 'VISUS')!.codes).to.have.length(61);
    expect(cat.common.checks.map((c) => c.code)).to.include.members(['B01', 'B09', '000_Req', '020_Period', 'T01', 'T02']);
  });

  describe('a broken dictionary stops loading with the file, the JSON path inside it and what is wrong', () => {
    let dir = '';
    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'dictionaries-'));
      await cp(SOURCE, dir, { recursive: true });
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of test JSON
    async function breakFile(relative: string, change: (json: Record<string, any>) => void): Promise<string> {
      const file = path.join(dir, relative);
      const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      change(json);
      await writeFile(file, JSON.stringify(json));
      return file;
    }

    async function loadError(): Promise<DictionaryFileError> {
      try {
        await loadDictionaries(dir);
      } catch (error) {
        expect(error).to.be.instanceOf(DictionaryFileError);
        return error as DictionaryFileError;
      }
      throw new Error('loaded a broken dictionary');
    }

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of test JSON
    const cases: Array<[string, string, (json: Record<string, any>) => void, string, RegExp]> = [
      [
        'a wrong field type',
        'CAT/Cataract/1.4/dictionary.json',
        (j) => {
          j['fields'][3].type = 'number';
        },
        '/fields/3/type',
        /must be equal to one of the allowed values/,
      ],
      [
        'an unknown property',
        'CAT/Cataract/1.4/dictionary.json',
        (j) => {
          j['fields'][0].colour = 'red';
        },
        '/fields/0',
        /unknown property "colour"/,
      ],
      [
        'a missing reference table',
        'CAT/Cataract/1.4/dictionary.json',
        (j) => {
          j['fields'][5].referenceTable = 'OOG';
        },
        '/fields/5/referenceTable',
        /OOG not found/,
      ],
      [
        'a rule on an unknown field',
        'CAT/Cataract/1.4/dictionary.json',
        (j) => {
          j['checks'][0].rules[0].dateField = 'Datum';
        },
        '/checks/0/rules/0/dateField',
        /unknown field Datum/,
      ],
      [
        'a rule on a field of the wrong type',
        'MMY/IKNL/2.1/dictionary.json',
        (j) => {
          j['checks'][0].rules[0].field = 'ISS';
        },
        '/checks/0/rules/0/field',
        /ISS is a code field/,
      ],
      [
        'a template asking for a parameter the rule does not give',
        'PMICD/PMICD/2018.0.5/dictionary.json',
        (j) => {
          j['checks'][0].message.nl = 'BSN {value} faalt.';
        },
        '/checks/0/message/nl',
        /\{value\} is not a parameter/,
      ],
      [
        'an identifying report key column',
        'PMICD/PMICD/2018.0.5/dictionary.json',
        (j) => {
          j['reportKey'].push('BSN');
        },
        '/reportKey/2',
        /identifying/,
      ],
      [
        'a version that differs from its directory',
        'MMY/PROMS/1.0/dictionary.json',
        (j) => {
          j['version'] = '1.1';
        },
        '/version',
        /differs from its directory/,
      ],
      [
        'a duplicated reference code',
        'CAT/Cataract/1.4/reference-tables/ODS.json',
        (j) => {
          j['codes'].push({ code: '01' });
        },
        '/codes/2/code',
        /occurs twice/,
      ],
      [
        'a missing common check',
        'common/checks.json',
        (j) => {
          j['checks'] = j['checks'].filter((c: { code: string }) => c.code !== '005');
        },
        '/checks',
        /005 is missing/,
      ],
    ];
    for (const [what, relative, change, jsonPath, problem] of cases) {
      it(`names ${what}`, async () => {
        const file = await breakFile(relative, change);
        const error = await loadError();
        expect([error.file, error.jsonPath]).to.deep.equal([file, jsonPath]);
        expect(error.problem).to.match(problem);
        expect(error.message).to.contain(file).and.contain(jsonPath);
      });
    }

    it('names a file that is not JSON at all', async () => {
      const file = path.join(dir, 'MMY/registry.json');
      await writeFile(file, '{ "code": "MMY", ');
      const error = await loadError();
      expect([error.file, error.jsonPath]).to.deep.equal([file, '/']);
    });
  });
});
