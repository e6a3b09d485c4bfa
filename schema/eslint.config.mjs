import { fileURLToPath } from 'node:url';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import { namingRules } from './naming-rules.mjs';

/**
 * Lints the committed schema (`pnpm lint:schema`, part of `pnpm test`). Exceptions are listed here
 * and, with their reasons, in README.md ("Schema naming rules").
 */
export default [
  {
    files: ['**/schema.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: fileURLToPath(new URL('./schema.graphql', import.meta.url)) } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin, datahub: namingRules },
    rules: {
      // Every type, field, argument, input field and enum value says what it is.
      '@graphql-eslint/require-description': ['error', {
        types: true,
        rootField: true,
        FieldDefinition: true,
        InputValueDefinition: true,
        EnumValueDefinition: true,
        DirectiveDefinition: true,
        // Query and Mutation: type-graphql gives the root types no description.
        ignoredSelectors: ['[type=ObjectTypeDefinition][name.value=/^(Query|Mutation)$/]'],
      }],
      '@graphql-eslint/description-style': ['error', { style: 'block' }],
      '@graphql-eslint/naming-convention': ['error', {
        types: 'PascalCase',
        FieldDefinition: 'camelCase',
        InputValueDefinition: 'camelCase',
        EnumValueDefinition: 'UPPER_CASE',
        InputObjectTypeDefinition: { style: 'PascalCase', requiredSuffixes: ['Input'] },
        UnionTypeDefinition: { style: 'PascalCase', requiredSuffixes: ['Result'] },
        allowLeadingUnderscore: false,
        allowTrailingUnderscore: false,
      }],
      '@graphql-eslint/no-unreachable-types': 'error',
      '@graphql-eslint/no-scalar-result-type-on-mutation': 'error',
      '@graphql-eslint/require-deprecation-reason': 'error',
      'datahub/ids-are-id': ['error', {
        except: [
          // Not always an id: also a description of a record set ("12 users").
          'AuditEvent.objectId',
        ],
      }],
      'datahub/sizes-are-numbers': 'error',
    },
  },
];
