/**
 * The JSON Schema side of loading dictionaries: ajv set up on `dictionaries/dictionary.schema.json`
 * (draft 2020-12), one validator per kind of file, errors as "file, JSON path, what is wrong".
 *
 * The validators of the committed schema are compiled ahead of time (dictionary-validators.generated.ts):
 * compiling them takes about 300 ms, which every `pnpm cli validate` would pay. A schema that differs
 * from the one they were compiled from (another dictionaries directory) is compiled by ajv here, with
 * the same options, so the errors are the same either way.
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { addDictionarySchemas, AJV_OPTIONS, type DictionaryFileKind, schemaFingerprint, VALIDATOR_REFS } from './dictionary-schema-setup';
import { SCHEMA_FINGERPRINT, VALIDATORS } from './dictionary-validators.generated';

export type { DictionaryFileKind } from './dictionary-schema-setup';

export class DictionaryFileError extends Error {
  constructor(
    readonly file: string,
    /** JSON Pointer inside the file, `/` for the whole document. */
    readonly jsonPath: string,
    readonly problem: string,
  ) {
    super(`Dictionary file ${file}, at ${jsonPath}: ${problem}`);
    this.name = 'DictionaryFileError';
  }
}

/** A problem in a document: a JSON Pointer inside it (`/` for the whole) and what is wrong. */
export type DocumentProblem = [jsonPath: string, problem: string];

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return `unknown property "${String(params['additionalProperty'])}"`;
  if (error.keyword === 'enum') return `${error.message}: ${JSON.stringify(params['allowedValues'])}`;
  if (error.keyword === 'const') return `${error.message}: ${JSON.stringify(params['allowedValue'])}`;
  return error.message ?? error.keyword;
}

/** The most specific error: the deepest path, and among those not a oneOf/if summary. */
function mostSpecific(errors: ErrorObject[]): ErrorObject {
  const summaries = new Set(['oneOf', 'anyOf', 'if', 'allOf', 'not']);
  return [...errors].sort((a, b) => {
    const depth = b.instancePath.split('/').length - a.instancePath.split('/').length;
    return depth !== 0 ? depth : Number(summaries.has(a.keyword)) - Number(summaries.has(b.keyword));
  })[0]!;
}

function compileValidators(schema: object): Record<DictionaryFileKind, ValidateFunction> {
  // Loaded only here: ajv takes about 60 ms to load, which the ahead-of-time validators spare.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, on-demand load (an `import` would load it for every caller)
  const { default: Ajv2020 } = require('ajv/dist/2020') as typeof import('ajv/dist/2020');
  const ajv = new Ajv2020(AJV_OPTIONS);
  addDictionarySchemas(ajv, schema);
  const at = (ref: string): ValidateFunction => {
    const validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`dictionary.schema.json has no ${ref}`);
    return validate;
  };
  return {
    dictionary: at(VALIDATOR_REFS.dictionary),
    referenceTable: at(VALIDATOR_REFS.referenceTable),
    commonChecks: at(VALIDATOR_REFS.commonChecks),
    registry: at(VALIDATOR_REFS.registry),
    package: at(VALIDATOR_REFS.package),
  };
}

export class DictionarySchema {
  private readonly validators: Record<DictionaryFileKind, ValidateFunction>;

  constructor(schema: object) {
    this.validators = schemaFingerprint(schema) === SCHEMA_FINGERPRINT ? VALIDATORS : compileValidators(schema);
  }

  /** Throws a DictionaryFileError naming the file, the path inside it and what is wrong. */
  check(kind: DictionaryFileKind, file: string, document: unknown): void {
    const validate = this.validators[kind];
    if (validate(document)) return;
    const error = mostSpecific(validate.errors ?? []);
    throw new DictionaryFileError(file, error.instancePath || '/', describe(error));
  }

  /**
   * Every problem, one per place: at each JSON path the most specific error, and no summary
   * (oneOf, if, …) of a place whose parts have their own problems.
   */
  problems(kind: DictionaryFileKind, document: unknown): DocumentProblem[] {
    const validate = this.validators[kind];
    if (validate(document)) return [];
    const errors = validate.errors ?? [];
    const byPath = new Map<string, ErrorObject[]>();
    for (const error of errors) byPath.set(error.instancePath, [...(byPath.get(error.instancePath) ?? []), error]);
    const paths = [...byPath.keys()];
    return paths
      .filter((at) => !paths.some((other) => other !== at && other.startsWith(`${at}/`)))
      .map((at) => [at || '/', describe(mostSpecific(byPath.get(at)!))]);
  }
}
