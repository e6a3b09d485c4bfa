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

function evaluateSteps(steps: readonly Step[], resource: Record<string, unknown>): TypedValue[] | typeof UNHANDLED {
  // Plain values and their FHIR types side by side: typed items are made for the result only.
  let values: unknown[] = [resource];
  let types: string[] = ['Resource'];
  for (const step of steps) {
    if (step.kind === 'first') {
      values.length = Math.min(values.length, 1);
      types.length = values.length;
      continue;
    }
    const nextValues: unknown[] = [];
    const nextTypes: string[] = [];
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as Record<string, unknown>;
      if (step.kind === 'where') {
        const compared = value[step.property];
        if (compared === undefined) {
          if (value[step.shadow] !== undefined) return UNHANDLED;
          continue;
        }
        if (typeof compared !== 'string') return UNHANDLED;
        if (compared === step.literal) {
          nextValues.push(value);
          nextTypes.push(types[i]!);
        }
        continue;
      }
      let found = 0;
      for (const { property, shadow, type } of step.names) {
        const child = value[property];
        // `_element` (a primitive's id and extensions): medplum's typed values carry it, the shortcut does not.
        if (value[shadow] !== undefined) return UNHANDLED;
        if (child === undefined) continue;
        found++;
        if (Array.isArray(child)) {
          for (const element of child) {
            if (element === null || element === undefined) return UNHANDLED;
            nextValues.push(element);
            nextTypes.push(type);
          }
        } else if (child === null) {
          return UNHANDLED;
        } else {
          nextValues.push(child);
          nextTypes.push(type);
        }
      }
      if (found > 1) return UNHANDLED;
    }
    values = nextValues;
    types = nextTypes;
  }
  return values.map((value, i) => ({ type: types[i]!, value }));
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
