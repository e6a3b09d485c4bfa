import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { DictionarySchema } from '../../server/src/dictionaries/dictionary-files-schema';
import type { DictionaryFileKind } from '../../server/src/dictionaries/dictionary-schema-setup';
import { DICTIONARY_VALIDATORS_FILE, dictionaryValidatorsSource } from '../../server/src/scripts/emit-dictionary-validators';

const DICTIONARIES = path.resolve(__dirname, '../../dictionaries');
const readJson = (relative: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(DICTIONARIES, relative), 'utf8')) as Record<string, unknown>;

describe('the dictionary schema validators compiled ahead of time', () => {
  it('are what `pnpm dictionary-validators` writes from the committed schemas (run it after changing dictionary.schema.json or the package schema)', () => {
    const committed = readFileSync(DICTIONARY_VALIDATORS_FILE, 'utf8');
    expect(committed === dictionaryValidatorsSource(), 'dictionary-validators.generated.ts is stale: run `pnpm dictionary-validators` and commit it').to.equal(
      true,
    );
  });

  it('give the same problems as ajv compiling the schema at run time, for good and broken files of every kind', () => {
    const schema = readJson('dictionary.schema.json');
    const aheadOfTime = new DictionarySchema(schema);
    // Another schema text (a comment added) is compiled at run time.
    const atRunTime = new DictionarySchema({ ...schema, $comment: 'compiled at run time' });
    const dictionary = readJson('CAT/Cataract/1.4/dictionary.json');
    const fields = dictionary['fields'] as Array<Record<string, unknown>>;
    const documents: Array<[DictionaryFileKind, unknown]> = [
      ['dictionary', dictionary],
      ['dictionary', { ...dictionary, fields: [{ ...fields[0], type: 'number' }, { ...fields[1], constraints: { pattern: '(' } }, ...fields.slice(2)] }],
      ['dictionary', { ...dictionary, extra: true, version: 7 }],
      ['registry', readJson('CAT/registry.json')],
      ['registry', { ...readJson('CAT/registry.json'), channels: ['FAX'] }],
      ['commonChecks', readJson('common/checks.json')],
      ['commonChecks', { checks: [{ code: 1 }] }],
      ['referenceTable', { name: 'X', codes: [{ code: 1 }] }],
      ['package', { format: 'datahub.dictionary-package/1', dictionary, referenceTables: [], examples: [] }],
      ['package', { format: 'other', dictionary: {}, referenceTables: [{}], examples: 'none' }],
      ['dictionary', null],
    ];
    for (const [kind, document] of documents) {
      expect(aheadOfTime.problems(kind, document), `${kind} ${JSON.stringify(document).slice(0, 80)}`).to.deep.equal(atRunTime.problems(kind, document));
    }
    expect(aheadOfTime.problems('dictionary', documents[1]![1]).length).to.be.greaterThan(1);
    expect(aheadOfTime.problems('dictionary', dictionary)).to.deep.equal([]);
  });
});
