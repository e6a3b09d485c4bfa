import { expect } from 'chai';
import { buildDatahubSchema } from '../../server/src/app/schema';
import { RefusalCode } from '../../server/src/kernel/refusal';
import { messages } from '../../server/src/common/messages';
import { en } from '../../server/src/common/messages/en';
import { nl } from '../../server/src/common/messages/nl';

/** Every `{name}` of a template, sorted. */
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

type Schema = Awaited<ReturnType<typeof buildDatahubSchema>>;
type Named = { name: string };
/** graphql's own predicates would need the server's copy of graphql; its types are told apart by shape here. */
const members = (type: unknown): (Named & { getInterfaces(): Named[] })[] | null =>
  type && typeof type === 'object' && 'getTypes' in type ? (type as { getTypes(): (Named & { getInterfaces(): Named[] })[] }).getTypes() : null;

/** Union member types that implement the Refusal interface. */
function refusalMembers(schema: Schema, typeName: string): string[] {
  return (members(schema.getType(typeName)) ?? [])
    .filter((member) => member.getInterfaces().some((iface) => iface.name === 'Refusal'))
    .map((member) => member.name);
}

describe('refusal contract: expected refusals are data', () => {
  let schema: Schema;
  before(async () => {
    schema = await buildDatahubSchema();
  });

  it('every mutation returns a non-null XResult union with one success type and a type implementing Refusal', () => {
    const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
    const wrong = mutations
      .filter((field) => {
        const printed = String(field.type);
        const unionName = printed.replace(/!$/, '');
        const union = members(schema.getType(unionName));
        if (!printed.endsWith('!') || !union) return true;
        const refusals = refusalMembers(schema, unionName);
        return !unionName.endsWith('Result') || refusals.length === 0 || union.length - refusals.length !== 1;
      })
      .map((field) => `${field.name}: ${String(field.type)}`);
    expect(mutations.length).to.be.greaterThan(20);
    expect(wrong, 'mutations that do not answer success | refusal').to.deep.equal([]);
  });

  it('the Refusal interface has a RefusalCode code, a message, a field and parameters, and every refusal type implements it', () => {
    const refusal = schema.getType('Refusal');
    expect(refusal?.constructor.name).to.equal('GraphQLInterfaceType');
    if (!refusal || !('getFields' in refusal) || refusal.constructor.name !== 'GraphQLInterfaceType') return;
    const fields = refusal.getFields();
    expect(Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, String(field.type)]))).to.deep.equal({
      code: 'RefusalCode!',
      message: 'String!',
      field: 'String',
      parameters: '[RefusalParameter!]!',
    });
    const implementers = schema
      .getPossibleTypes(refusal as Parameters<Schema['getPossibleTypes']>[0])
      .map((type) => type.name)
      .sort();
    const named = Object.values(schema.getTypeMap())
      .filter((type) => type.constructor.name === 'GraphQLObjectType' && /Refus|LockedOut/.test(type.name) && type.name !== 'RefusalParameter')
      .map((type) => type.name)
      .sort();
    expect(implementers).to.deep.equal(named);
  });

  it('every RefusalCode value has a description in the schema', () => {
    const codes = schema.getType('RefusalCode');
    const values = codes && 'getValues' in codes ? codes.getValues() : [];
    expect(values.map((value) => value.name).sort()).to.deep.equal(Object.values(RefusalCode).sort());
    expect(values.filter((value) => !value.description).map((value) => value.name)).to.deep.equal([]);
  });
});

describe('message catalogues', () => {
  it('Dutch and English have the same keys, and each message the same {parameters} in both', () => {
    const dutch = flatten(nl);
    const english = flatten(en);
    expect([...english.keys()].sort()).to.deep.equal([...dutch.keys()].sort());
    const differing = [...dutch].filter(([key, text]) => parametersOf(text).join() !== parametersOf(english.get(key) ?? '').join()).map(([key]) => key);
    expect(differing).to.deep.equal([]);
  });

  it('every refusal code has a non-empty message in every language', () => {
    for (const language of ['nl', 'en'] as const) {
      const empty = Object.values(RefusalCode).filter((code) => !messages(language).refusal[code]?.trim());
      expect(empty, language).to.deep.equal([]);
    }
  });
});
