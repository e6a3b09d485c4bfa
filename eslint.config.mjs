// Lint for the whole workspace: typescript-eslint for the server, the tests and the console,
// eslint-plugin-vue for the console's components, and import-x for the structure rules (no import
// circle between files of different folders; modules never import the app's wiring).
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'console/src/graphql/generated/**',
      '.data/**',
      'server/src/db/migrations/**',
      'server/src/dictionaries/*.generated.ts',
    ],
  },
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    files: ['**/*.ts', '**/*.vue'],
    plugins: { 'import-x': importX },
    settings: {
      // Components are leaves (they import composables and modules, never the other way round),
      // so the cycle check follows TypeScript files only.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/ignore': ['\\.vue$'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ noWarnOnMultipleProjects: true, project: ['server/tsconfig.json', 'test/tsconfig.json', 'console/tsconfig.json'] }),
      ],
    },
    rules: {
      // A circle of imports makes load order matter and hides which module depends on which.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      // `any` only with a comment saying why (eslint-disable-next-line with the reason).
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `interface X extends Y {}` is how a library's types are augmented (vue-i18n's message schema).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // Declaration merging of kernel/services.ts is how modules add their process-wide objects.
      '@typescript-eslint/no-namespace': 'off',
      // Formatting belongs to Prettier (eslint-config-prettier, last below, turns the rest off).
      'vue/html-self-closing': 'off',
      'vue/attributes-order': 'off',
    },
  },
  {
    // `pnpm cli`'s launcher is plain CommonJS that node runs as it is, before any compiler is loaded.
    files: ['server/run-cli.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // chai's property assertions (`expect(x).to.be.empty`) are expressions by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // The one exception: MikroORM entities declare a relation on both sides (with thunks, so load
    // order does not matter). A circle through any other file is still reported from that file.
    files: ['server/src/**/*.entity.ts'],
    rules: { 'import-x/no-cycle': 'off' },
  },
  {
    // Modules never import the app's wiring; only the entry points and the wiring itself may.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/app/**', 'server/src/main.ts', 'server/src/worker.ts', 'server/src/cli.ts', 'server/src/scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/app/*', '../app', '../../app'], message: 'Modules import the kernel (server/src/kernel/), never the wiring in app/.' }] },
      ],
    },
  },
  {
    // The kernel imports nothing but common/.
    files: ['server/src/kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!common/)', message: 'The kernel imports only common/ and libraries; modules add to it (see kernel/services.ts).' }] },
      ],
    },
  },
  // Last: switches off every rule that only concerns formatting, which Prettier owns.
  prettier,
);
