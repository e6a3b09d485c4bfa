import path from 'node:path';
import { expect } from 'chai';
import { ESLint } from 'eslint';

const CONFIG = path.resolve(__dirname, '../../schema/eslint.config.mjs');

/** Lints an SDL text as if it were schema/schema.graphql (the rules that need the schema read the committed one). */
async function problems(sdl: string): Promise<string[]> {
  const eslint = new ESLint({ overrideConfigFile: CONFIG, cwd: path.resolve(__dirname, '../..') });
  const [result] = await eslint.lintText(sdl, { filePath: path.resolve(__dirname, '../../schema/schema.graphql') });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('schema naming rules (schema/eslint.config.mjs)', () => {
  it('reports an id typed String, a size typed String, an input type without the Input suffix and an enum value without a description', async () => {
    const found = await problems(`
"""A thing."""
type Thing {
  """Its id."""
  ownerId: String
  """Its size."""
  size: String!
}

"""Which things."""
input ThingFilter {
  """Only these."""
  thingIds: [ID!]
}

"""A kind."""
enum Kind {
  ONE
}
`);
    expect(found).to.include.members([
      'datahub/ids-are-id: Thing.ownerId names an id: make it ID.',
      'datahub/sizes-are-numbers: Thing.size is a size or count: make it Int, Float or SafeInt.',
      '@graphql-eslint/naming-convention: Input "ThingFilter" should have one of the following suffixes: Input',
      '@graphql-eslint/require-description: Description is required for enum value "ONE" in enum "Kind"',
    ]);
  });
});
