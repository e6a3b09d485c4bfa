// Tests are TypeScript run through @swc-node/register, which keeps decorator metadata
// (type-graphql and MikroORM need it); `pnpm test` type-checks separately with tsc.
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || 'test/tsconfig.json';
module.exports = {
  // @datahub/validation from its TypeScript source (its `source` export condition), not its build.
  'node-option': ['conditions=source'],
  require: ['@swc-node/register', 'test/support/hooks.ts'],
  timeout: 60000,
  exit: true,
};
