/**
 * The JSON Schema of a dictionary package (docs/dictionary-packages.md): the dictionary and its
 * reference tables exactly as the files under `dictionaries/` hold them (their parts refer to
 * dictionary.schema.json), and example files with the outcome each must give.
 */
const DICTIONARY_SCHEMA_ID = 'https://registry-datahub.example/dictionaries/dictionary.schema.json';

export const PACKAGE_FORMAT = 'datahub.dictionary-package/1';

export const PACKAGE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://registry-datahub.example/dictionaries/dictionary-package.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['format', 'dictionary', 'referenceTables', 'examples'],
  properties: {
    format: { const: PACKAGE_FORMAT },
    description: { type: 'string', maxLength: 2000 },
    dictionary: { $ref: DICTIONARY_SCHEMA_ID },
    referenceTables: { type: 'array', maxItems: 200, items: { $ref: `${DICTIONARY_SCHEMA_ID}#/$defs/referenceTable` } },
    examples: {
      type: 'object',
      additionalProperties: false,
      required: ['period', 'deliveryDate', 'files'],
      properties: {
        period: { type: 'string', pattern: '^[0-9]{4}(M(0[1-9]|1[0-2])|K[1-4]|H[12])?$' },
        deliveryDate: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
        files: {
          type: 'array',
          minItems: 1,
          maxItems: 100,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'content', 'expected'],
            properties: {
              name: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,100}\\.(csv|xml)$' },
              content: { type: 'string', maxLength: 1000000 },
              expected: {
                type: 'object',
                additionalProperties: false,
                required: ['status', 'records', 'accepted', 'codes'],
                properties: {
                  status: { enum: ['PROCESSED', 'PROCESSED_WITH_ERRORS', 'REJECTED'] },
                  records: { type: 'integer', minimum: 0 },
                  accepted: { type: 'integer', minimum: 0 },
                  codes: { type: 'object', additionalProperties: { type: 'integer', minimum: 1 } },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
