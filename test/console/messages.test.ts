import { createRequire } from 'node:module';
import path from 'node:path';
import { expect } from 'chai';

// The console's catalogues are loaded at run time (through @swc-node/register, as the tests are):
// imported statically, the test project's typecheck would check the console's sources under its own
// module rules instead of the console's (`pnpm typecheck` checks them with vue-tsc).
const consoleI18n = path.resolve(__dirname, '../../console/src/i18n');
const load = createRequire(__filename);
const { nl } = load(path.join(consoleI18n, 'nl.ts')) as { nl: unknown };
const { en } = load(path.join(consoleI18n, 'en.ts')) as { en: unknown };

/** The {parameters} of a vue-i18n message, sorted. */
function parametersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string).sort();
}

/** Every string of a catalogue by its dotted key. */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) for (const [k, v] of flatten(inner, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  return out;
}

// The type of en.ts already asks for nl.ts's keys; this also catches an empty text and a {parameter}
// spelled differently, which the typecheck cannot see.
describe('console message catalogues (no browser)', () => {
  it('Dutch and English have the same keys, no empty text, and each message the same {parameters} in both', () => {
    const dutch = flatten(nl);
    const english = flatten(en);
    expect([...english.keys()].sort()).to.deep.equal([...dutch.keys()].sort());
    const empty = [...dutch, ...english].filter(([, text]) => !text.trim()).map(([key]) => key);
    expect(empty).to.deep.equal([]);
    const differing = [...dutch].filter(([key, text]) => parametersOf(text).join() !== parametersOf(english.get(key) ?? '').join()).map(([key]) => key);
    expect(differing).to.deep.equal([]);
  });

  it('the data request pages have their texts in both languages, the states and moves included', () => {
    const dutch = flatten(nl);
    const english = flatten(en);
    const keys = [...dutch.keys()].filter((key) => key.startsWith('dataRequests.'));
    expect(keys).to.include.members([
      'dataRequests.state.QUOTE_SIGNED',
      'dataRequests.moveTo.QUOTE_SENT',
      'dataRequests.quote.bounds',
      'dataRequests.sign.submit',
    ]);
    expect(keys.filter((key) => !english.get(key)?.trim())).to.deep.equal([]);
    expect(dutch.get('nav.myDataRequests')).to.equal('Mijn verzoeken');
    expect(english.get('nav.myDataRequests')).to.equal('My requests');
  });
});
