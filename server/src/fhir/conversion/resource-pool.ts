/**
 * The resources that records are built from (a whole Bundle, or one patient's NDJSON lines), already
 * pruned, found by the references FHIR uses: `Type/id`, an absolute URL ending in `Type/id`, or a
 * Bundle entry's fullUrl.
 */
import { evalFhirPathTyped, toTypedValue, type TypedValue } from '@medplum/core';
import type { CompiledMapping } from './compiled-mapping';
import { evaluateFastPath } from './fast-path';
import { cellValue } from './field-value';
import type { JsonObject } from './prune';

export interface PooledResource {
  type: string;
  resource: JsonObject;
  /** 'Bundle.entry[3].resource' or 'line 17'. */
  locator: string;
  typed?: TypedValue;
}

export interface BuiltRecord {
  cells: string[];
  /** alias ('focus' and each of the mapping's resources) → locator. */
  locator: Record<string, string>;
}

/** A variable for an alias with no resource: every element of it is empty. */
const ABSENT: TypedValue = { type: 'undefined', value: undefined };

function typedOf(entry: PooledResource): TypedValue {
  entry.typed ??= toTypedValue(entry.resource);
  return entry.typed;
}

function referenceOf(item: unknown): string | undefined {
  const reference = item && typeof item === 'object' ? (item as { reference?: unknown }).reference : undefined;
  return typeof reference === 'string' ? reference : undefined;
}

/** The `reference` of a Reference or of each in an array (one array, no callbacks: this runs per record). */
function referencesIn(value: unknown): string[] {
  const references: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const reference = referenceOf(item);
      if (reference !== undefined) references.push(reference);
    }
  } else {
    const reference = referenceOf(value);
    if (reference !== undefined) references.push(reference);
  }
  return references;
}

export class ResourcePool {
  private readonly byKey = new Map<string, PooledResource>();
  private readonly byType = new Map<string, PooledResource[]>();
  /** `${type}.${element}` → target → the resources of that type whose element refers to the target. */
  private readonly referrers = new Map<string, Map<PooledResource, PooledResource[]>>();

  add(entry: PooledResource, fullUrl?: string): void {
    if (typeof entry.resource['id'] === 'string') this.byKey.set(`${entry.type}/${entry.resource['id']}`, entry);
    if (fullUrl) this.byKey.set(fullUrl, entry);
    const list = this.byType.get(entry.type);
    if (list) list.push(entry);
    else this.byType.set(entry.type, [entry]);
  }

  resolve(reference: string): PooledResource | undefined {
    const exact = this.byKey.get(reference);
    if (exact) return exact;
    const match = /([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
    return match ? this.byKey.get(match[1]!) : undefined;
  }

  private referringTo(type: string, element: string, target: PooledResource): PooledResource[] {
    const key = `${type}.${element}`;
    let index = this.referrers.get(key);
    if (!index) {
      index = new Map();
      for (const candidate of this.byType.get(type) ?? []) {
        for (const reference of referencesIn(candidate.resource[element])) {
          const resolved = this.resolve(reference);
          if (!resolved) continue;
          const list = index.get(resolved);
          if (list) list.push(candidate);
          else index.set(resolved, [candidate]);
        }
      }
      this.referrers.set(key, index);
    }
    return index.get(target) ?? [];
  }

  /**
   * One record per focus resource, in the order they came. Paths in the trivial subset read the JSON
   * directly; the others go to medplum, on typed values built once per resource and only then.
   */
  *records(compiled: CompiledMapping): Generator<BuiltRecord> {
    for (const focus of this.byType.get(compiled.mapping.focus) ?? []) {
      if (compiled.focusWhere) {
        const focusValue = typedOf(focus);
        if (!isTrue(evalFhirPathTyped(compiled.focusWhere, [focusValue], { '%focus': focusValue }))) continue;
      }
      const locator: Record<string, string> = { focus: focus.locator };
      const found: Record<string, PooledResource | undefined> = { focus };
      const resources: Record<string, JsonObject | undefined> = { focus: focus.resource };
      for (const link of compiled.links) {
        const resource = this.link(link, focus);
        found[link.alias] = resource;
        resources[link.alias] = resource?.resource;
        if (resource) locator[link.alias] = resource.locator;
      }
      let variables: Record<string, TypedValue> | undefined;
      const cells = compiled.fields.map(({ field, mapping, fast, path }) => {
        if (!mapping || !path) return '';
        const items = fast ? evaluateFastPath(fast, resources) : undefined;
        if (items) return cellValue(items, mapping, field);
        variables ??= variablesOf(found);
        return cellValue(evalFhirPathTyped(path, [variables['%focus']!], variables), mapping, field);
      });
      yield { cells, locator };
    }
  }

  private link(link: CompiledMapping['links'][number], focus: PooledResource): PooledResource | undefined {
    if (link.reference) {
      let items = link.referenceFast ? evaluateFastPath(link.referenceFast, { focus: focus.resource }) : undefined;
      if (!items) {
        const focusValue = typedOf(focus);
        items = evalFhirPathTyped(link.reference, [focusValue], { '%focus': focusValue });
      }
      for (const item of items) {
        for (const reference of referencesIn(item.value)) {
          const found = this.resolve(reference);
          if (found?.type === link.type) return found;
        }
      }
      return undefined;
    }
    return this.referringTo(link.type, link.referencedBy!, focus).find((candidate) => {
      if (!link.where) return true;
      const focusValue = typedOf(focus);
      return isTrue(evalFhirPathTyped(link.where, [typedOf(candidate)], { '%focus': focusValue }));
    });
  }
}

/** medplum's variables of a record: `%focus` and each alias (an absent one empty). */
function variablesOf(found: Readonly<Record<string, PooledResource | undefined>>): Record<string, TypedValue> {
  const variables: Record<string, TypedValue> = {};
  for (const [alias, entry] of Object.entries(found)) variables[`%${alias}`] = entry ? typedOf(entry) : ABSENT;
  return variables;
}

function isTrue(result: readonly TypedValue[]): boolean {
  return result.length === 1 && result[0]!.value === true;
}
