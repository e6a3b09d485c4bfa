import type { EntityManager } from '@mikro-orm/postgresql';

/** A piece of SQL with its values, for knex's `?` placeholders; pieces nest without string pasting of values. */
export interface Sql {
  readonly text: string;
  readonly values: readonly unknown[];
}

const isSql = (value: unknown): value is Sql => typeof value === 'object' && value !== null && 'text' in value && 'values' in value;

/** `sql\`… ${value} …\`` turns each value into a `?` (or inlines a nested Sql piece). */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0] ?? '';
  const out: unknown[] = [];
  values.forEach((value, index) => {
    if (isSql(value)) {
      text += value.text;
      out.push(...value.values);
    } else {
      text += '?';
      out.push(value);
    }
    text += strings[index + 1] ?? '';
  });
  return { text, values: out };
}

export const empty: Sql = { text: '', values: [] };

export function join(pieces: Sql[], separator: string): Sql {
  return { text: pieces.map((piece) => piece.text).join(separator), values: pieces.flatMap((piece) => piece.values) };
}

/** Trusted text only (column lists chosen from an enum), never user input. */
export function raw(text: string): Sql {
  return { text, values: [] };
}

/** A uuid list as one text value (`string_to_array(?, ',')::uuid[]`): knex would spread a JS array into a list. */
export function uuidArray(ids: readonly string[]): Sql {
  return sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
}

export async function query<T>(em: EntityManager, piece: Sql): Promise<T[]> {
  // em.execute runs inside the transaction of a transactional fork; the connection alone would not.
  return em.execute<T[]>(piece.text, [...piece.values]);
}
