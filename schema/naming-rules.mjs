/**
 * The schema's own naming rules that @graphql-eslint has no rule for, as a local ESLint plugin
 * (used by schema/eslint.config.mjs). Each reports a field, argument or input field by name.
 */

/** The named type under any `!` and `[ ]`. */
function namedType(typeNode) {
  let node = typeNode;
  while (node && (node.type === 'NonNullType' || node.type === 'ListType')) node = node.gqlType;
  return node?.name?.value;
}

function isList(typeNode) {
  let node = typeNode;
  while (node && node.type === 'NonNullType') node = node.gqlType;
  return node?.type === 'ListType';
}

/** Visits fields, arguments and input fields alike. */
function everyValue(check) {
  return { FieldDefinition: check, InputValueDefinition: check };
}

const idsAreId = {
  meta: {
    type: 'problem',
    docs: { description: 'A field or argument named `id`, `…Id` or `…Ids` is of type ID (a list of ID for `…Ids`).' },
    schema: [{ type: 'object', properties: { except: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
  },
  create(context) {
    const except = new Set(context.options[0]?.except ?? []);
    return everyValue((node) => {
      const name = node.name.value;
      if (!/^id$|Ids?$/.test(name)) return;
      const parent = node.parent?.name?.value;
      if (except.has(`${parent}.${name}`)) return;
      const wantsList = name.endsWith('Ids');
      if (namedType(node.gqlType) !== 'ID' || isList(node.gqlType) !== wantsList) {
        context.report({ node: node.name, message: `${parent}.${name} names an id: make it ${wantsList ? '[ID!]' : 'ID'}.` });
      }
    });
  },
};

const NUMBER_TYPES = new Set(['Int', 'Float', 'SafeInt']);

const sizesAreNumbers = {
  meta: {
    type: 'problem',
    docs: { description: 'A size or count (`size`, `…Size`, `…Bytes`, `count`, `…Count`) is a number type, never a String.' },
    schema: [],
  },
  create(context) {
    return everyValue((node) => {
      const name = node.name.value;
      if (!/^(size|count)$|(Size|Bytes|Count)$/.test(name)) return;
      if (!NUMBER_TYPES.has(namedType(node.gqlType))) {
        context.report({ node: node.name, message: `${node.parent?.name?.value}.${name} is a size or count: make it Int, Float or SafeInt.` });
      }
    });
  },
};

export const namingRules = { rules: { 'ids-are-id': idsAreId, 'sizes-are-numbers': sizesAreNumbers } };
