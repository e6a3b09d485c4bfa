import { Field, ObjectType } from 'type-graphql';
import type { ResolvedDictionary } from '@datahub/validation';

@ObjectType({ description: 'A field present in both versions whose definition changed.' })
export class ChangedItem {
  @Field(() => String, { description: 'The field name or check code.' })
  name!: string;

  @Field(() => [String], { description: 'Which properties changed, e.g. `type`, `required`, `constraints`, `message`.' })
  properties!: string[];
}

@ObjectType({ description: 'Codes added to or removed from a reference table between two versions.' })
export class ReferenceTableChange {
  @Field(() => String, { description: 'The table name.' })
  name!: string;

  @Field(() => [String], { description: 'Codes in the newer version only.' })
  added!: string[];

  @Field(() => [String], { description: 'Codes in the older version only.' })
  removed!: string[];
}

@ObjectType({ description: 'What changed from one dictionary version of a sub-delivery to another.' })
export class DictionaryDiff {
  @Field(() => String, { description: 'The older version compared.' })
  from!: string;

  @Field(() => String, { description: 'The newer version compared.' })
  to!: string;

  @Field(() => [String], { description: 'Fields only in `to`.' })
  fieldsAdded!: string[];

  @Field(() => [String], { description: 'Fields only in `from`.' })
  fieldsRemoved!: string[];

  @Field(() => [ChangedItem], { description: 'Fields in both whose definition differs.' })
  fieldsChanged!: ChangedItem[];

  @Field(() => [String], { description: "Checks (the registry's own and the common ones) only in `to`." })
  checksAdded!: string[];

  @Field(() => [String], { description: 'Checks only in `from`.' })
  checksRemoved!: string[];

  @Field(() => [ChangedItem], { description: 'Checks in both whose definition differs.' })
  checksChanged!: ChangedItem[];

  @Field(() => [ReferenceTableChange], { description: 'Reference tables whose codes differ (a table used by only one version lists all its codes).' })
  referenceTables!: ReferenceTableChange[];
}

/** JSON with object keys sorted: a stored package comes back from jsonb with its keys in another order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function changedProperties(a: object, b: object): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((key) => canonical((a as Record<string, unknown>)[key]) !== canonical((b as Record<string, unknown>)[key]));
}

function compare<T extends object>(older: T[], newer: T[], name: (item: T) => string): { added: string[]; removed: string[]; changed: ChangedItem[] } {
  const before = new Map(older.map((item) => [name(item), item]));
  const after = new Map(newer.map((item) => [name(item), item]));
  return {
    added: [...after.keys()].filter((key) => !before.has(key)),
    removed: [...before.keys()].filter((key) => !after.has(key)),
    changed: [...after.entries()].flatMap(([key, item]) => {
      const old = before.get(key);
      const properties = old ? changedProperties(old, item) : [];
      return properties.length > 0 ? [{ name: key, properties }] : [];
    }),
  };
}

/** Fields, checks and reference-table codes that differ between two resolved dictionaries. */
export function diffDictionaries(older: ResolvedDictionary, newer: ResolvedDictionary): DictionaryDiff {
  const fields = compare(older.fields, newer.fields, (field) => field.name);
  const checks = compare([...older.common.checks, ...older.checks], [...newer.common.checks, ...newer.checks], (check) => check.code);
  const tableNames = [...new Set([...older.referenceTables, ...newer.referenceTables].map((table) => table.name))].sort();
  const codes = (dictionary: ResolvedDictionary, table: string) => new Set(dictionary.referenceTables.find((t) => t.name === table)?.codes.map((entry) => entry.code) ?? []);
  const referenceTables = tableNames.flatMap((name) => {
    const before = codes(older, name);
    const after = codes(newer, name);
    const added = [...after].filter((code) => !before.has(code));
    const removed = [...before].filter((code) => !after.has(code));
    return added.length + removed.length > 0 ? [{ name, added, removed }] : [];
  });
  return {
    from: older.version,
    to: newer.version,
    fieldsAdded: fields.added,
    fieldsRemoved: fields.removed,
    fieldsChanged: fields.changed,
    checksAdded: checks.added,
    checksRemoved: checks.removed,
    checksChanged: checks.changed,
    referenceTables,
  };
}
