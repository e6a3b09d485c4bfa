/**
 * How ajv is set up on `dictionaries/dictionary.schema.json` and the package schema: one place for
 * the checking at run time (dictionary-files-schema.ts) and for the validators compiled ahead of
 * time (scripts/emit-dictionary-validators.ts), so both give the same errors.
 */
import { createHash } from 'node:crypto';
import type Ajv2020 from 'ajv/dist/2020';
import type { Options } from 'ajv/dist/2020';
import { PACKAGE_SCHEMA } from './package/package-schema';

export type DictionaryFileKind = 'dictionary' | 'referenceTable' | 'commonChecks' | 'registry' | 'package';

export const AJV_OPTIONS: Options = { allErrors: true, strict: true, strictTypes: false, strictRequired: false };

/** The schema each kind of file is checked against (a key or reference in the ajv instance below). */
export const VALIDATOR_REFS: Record<DictionaryFileKind, string> = {
  dictionary: 'dictionary',
  referenceTable: 'dictionary#/$defs/referenceTable',
  commonChecks: 'dictionary#/$defs/commonChecks',
  registry: 'dictionary#/$defs/registry',
  package: 'package',
};

/** The `regex` format: a pattern that JavaScript compiles with the `u` flag. */
export const formats = {
  regex: {
    type: 'string' as const,
    validate: (pattern: string): boolean => {
      try {
        new RegExp(pattern, 'u');
        return true;
      } catch {
        return false;
      }
    },
  },
};

/** Adds the format and both schemas to an ajv instance. */
export function addDictionarySchemas(ajv: Ajv2020, schema: object): void {
  ajv.addFormat('regex', formats.regex);
  ajv.addSchema(schema, 'dictionary');
  ajv.addSchema(PACKAGE_SCHEMA, 'package');
}

/** Identifies the schemas validators were compiled from: the dictionary schema as parsed, and the package schema. */
export function schemaFingerprint(schema: object): string {
  return createHash('sha256').update(JSON.stringify(schema)).update('\n').update(JSON.stringify(PACKAGE_SCHEMA)).digest('hex');
}
