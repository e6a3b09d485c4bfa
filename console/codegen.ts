import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the committed SDL (written by `pnpm schema` at the root), never from a
// running server: the console builds without one.
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.graphql', 'src/**/*.{ts,vue}', '!src/graphql/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      // Components take plain fragment types as props; masking would add an unwrap call per
      // component for little gain in an app this size.
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Period: 'string', Date: 'string', DateTimeISO: 'string', Upload: 'File', SafeInt: 'number' },
        strictScalars: true,
      },
    },
  },
};

export default config;
