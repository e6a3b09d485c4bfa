/**
 * The JSON Schema side of loading dictionaries: ajv set up on `dictionaries/dictionary.schema.json`
 * (draft 2020-12), one validator per kind of file, errors as "file, JSON path, what is wrong".
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { PACKAGE_SCHEMA } from './package/package-schema';

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

export type DictionaryFileKind = 'dictionary' | 'referenceTable' | 'commonChecks' | 'registry' | 'package';

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

export class DictionarySchema {
  private readonly validators: Record<DictionaryFileKind, ValidateFunction>;

  constructor(schema: object) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
    ajv.addFormat('regex', {
      type: 'string',
      validate: (pattern: string) => {
        try {
          new RegExp(pattern, 'u');
          return true;
        } catch {
          return false;
        }
      },
    });
    ajv.addSchema(schema, 'dictionary');
    ajv.addSchema(PACKAGE_SCHEMA, 'package');
    const at = (ref: string): ValidateFunction => {
      const validate = ajv.getSchema(ref);
      if (!validate) throw new Error(`dictionary.schema.json has no ${ref}`);
      return validate;
    };
    this.validators = {
      dictionary: at('dictionary'),
      referenceTable: at('dictionary#/$defs/referenceTable'),
      commonChecks: at('dictionary#/$defs/commonChecks'),
      registry: at('dictionary#/$defs/registry'),
      package: at('package'),
    };
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
