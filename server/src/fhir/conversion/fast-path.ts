/**
 * A shortcut for the trivial FHIRPath subset most mappings use, compiled from medplum's parsed AST:
 * `%alias.element.element…`, each step optionally followed by `.where(element = 'text')`, optionally
 * ending in `.first()`. It reads the plain JSON (no typed values built) and gives what
 * evalFhirPathTyped gives (items with their FHIR type). Anything else is left to medplum, and so is
 * any data the shortcut does not expect (a primitive's `_element`, a compared element that is not one
 * string, two choices of one element): then `evaluate` answers undefined and the caller asks medplum.
 * test/validation/fhir-fast-path.test.ts compares both on the fixtures.
 */
import { DotAtom, EqualsAtom, type FhirPathAtom, FunctionAtom, getDataType, LiteralAtom, SymbolAtom, type TypedValue } from '@medplum/core';
import type { Atom } from '@medplum/core';

type Step =
  /** An element: its JSON names (and `_name`, a primitive's extensions) and each one's FHIR type (one for most; `performed[x]` has several). */
  | { kind: 'element'; names: ReadonlyArray<{ property: string; shadow: string; type: string }> }
  | { kind: 'where'; property: string; shadow: string; literal: string }
  | { kind: 'first' };

export interface FastPath {
  /** The variable the path starts from, without `%`. */
  variable: string;
  steps: Step[];
}

/** Data types whose elements hold one text: what a `where(element = 'text')` may compare. */
const TEXT_TYPES = new Set(['string', 'code', 'uri', 'url', 'canonical', 'id', 'oid', 'uuid', 'markdown']);

/** The atoms of a chain `a.b.c` from left to right. */
function chain(atom: Atom): Atom[] {
  return atom instanceof DotAtom ? [...chain(atom.left), ...chain(atom.right)] : [atom];
}

function elementOf(type: string, name: string): { names: Array<{ property: string; type: string }>; single: boolean } | undefined {
  const elements = getDataType(type)?.elements;
  if (!elements) return undefined;
  const plain = elements[name];
  if (plain) return plain.type.length === 1 ? { names: [{ property: name, type: plain.type[0]!.code }], single: !plain.isArray } : undefined;
  const choice = elements[`${name}[x]`];
  if (!choice) return undefined;
  const names = choice.type.map((t) => ({ property: `${name}${t.code.charAt(0).toUpperCase()}${t.code.slice(1)}`, type: t.code }));
  return { names, single: !choice.isArray };
}

/**
 * The shortcut for `path` when it is in the subset; `types` gives each variable's resource type, and
 * a path that starts with an element starts from the `focus` (the input the conversion evaluates on).
 * Undefined when it is not: medplum evaluates it.
 */
export function compileFastPath(path: FhirPathAtom, types: Readonly<Record<string, string>>): FastPath | undefined {
  const atoms = chain(path.child);
  const start = atoms[0];
  if (!(start instanceof SymbolAtom)) return undefined;
  const variable = start.name.startsWith('%') ? start.name.slice(1) : 'focus';
  const rest = start.name.startsWith('%') ? atoms.slice(1) : atoms;
  let type: string | undefined = types[variable];
  if (!type) return undefined;
  const steps: Step[] = [];
  for (const [i, atom] of rest.entries()) {
    if (atom instanceof SymbolAtom) {
      if (type === undefined) return undefined; // after a choice of several types: not in the subset
      const element = elementOf(type, atom.name);
      if (!element) return undefined;
      steps.push({ kind: 'element', names: element.names.map((n) => ({ ...n, shadow: `_${n.property}` })) });
      type = element.names.length === 1 ? element.names[0]!.type : undefined;
    } else if (atom instanceof FunctionAtom && atom.name === 'first' && atom.args.length === 0 && i === rest.length - 1) {
      steps.push({ kind: 'first' });
    } else if (atom instanceof FunctionAtom && atom.name === 'where' && atom.args.length === 1 && type !== undefined) {
      const condition = atom.args[0];
      if (!(condition instanceof EqualsAtom) || !(condition.left instanceof SymbolAtom) || !(condition.right instanceof LiteralAtom)) return undefined;
      const literal = condition.right.value;
      if (literal.type !== 'string' || typeof literal.value !== 'string') return undefined;
      const compared = elementOf(type, condition.left.name);
      if (!compared || !compared.single || compared.names.length !== 1 || !TEXT_TYPES.has(compared.names[0]!.type)) return undefined;
      const property = compared.names[0]!.property;
      steps.push({ kind: 'where', property, shadow: `_${property}`, literal: literal.value });
    } else {
      return undefined;
    }
  }
  // The result's type must be known: not after a choice that is then navigated (checked above), and a
  // complex result must be a data type (cellValue looks at Quantity and Coding).
  return steps.some((s) => s.kind === 'element') ? { variable, steps } : undefined;
}

/** Marks data the shortcut does not handle: the caller asks medplum. */
const UNHANDLED = Symbol('unhandled');

/**
 * Depth first over the plain JSON, collecting the end values and their FHIR types: the same items in
 * the same order as stepping the whole collection level by level, without a collection per step.
 * `first()` (only ever the last step) is applied by the caller. False when the data is outside what
 * the shortcut handles.
 */
function collect(steps: readonly Step[], at: number, value: unknown, type: string, values: unknown[], types: string[]): boolean {
  const step = steps[at];
  if (step === undefined || step.kind === 'first') {
    values.push(value);
    types.push(type);
    return true;
  }
  const object = value as Record<string, unknown>;
  if (step.kind === 'where') {
    const compared = object[step.property];
    if (compared === undefined) return object[step.shadow] === undefined;
    if (typeof compared !== 'string') return false;
    return compared === step.literal ? collect(steps, at + 1, value, type, values, types) : true;
  }
  let found = 0;
  for (const name of step.names) {
    // `_element` (a primitive's id and extensions): medplum's typed values carry it, the shortcut does not.
    if (object[name.shadow] !== undefined) return false;
    const child = object[name.property];
    if (child === undefined) continue;
    if (++found > 1) return false;
    if (Array.isArray(child)) {
      for (const element of child) {
        if (element === null || element === undefined || !collect(steps, at + 1, element, name.type, values, types)) return false;
      }
    } else if (child === null || !collect(steps, at + 1, child, name.type, values, types)) {
      return false;
    }
  }
  return true;
}

function evaluateSteps(steps: readonly Step[], resource: Record<string, unknown>): TypedValue[] | typeof UNHANDLED {
  const values: unknown[] = [];
  const types: string[] = [];
  if (!collect(steps, 0, resource, 'Resource', values, types)) return UNHANDLED;
  const count = steps[steps.length - 1]!.kind === 'first' ? Math.min(values.length, 1) : values.length;
  const items: TypedValue[] = new Array(count);
  for (let i = 0; i < count; i++) items[i] = { type: types[i]!, value: values[i] };
  return items;
}

/**
 * The path's result on `resources` (variable name → resource JSON; absent when the record has none),
 * or undefined when the data is outside what the shortcut handles.
 */
export function evaluateFastPath(path: FastPath, resources: Readonly<Record<string, Record<string, unknown> | undefined>>): TypedValue[] | undefined {
  const resource = resources[path.variable];
  if (!resource) return [];
  const result = evaluateSteps(path.steps, resource);
  return result === UNHANDLED ? undefined : result;
}
