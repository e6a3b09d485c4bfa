import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requestLoaders } from '../kernel/loaders';
import { isUuid } from '../common/ids';

/**
 * How each kind of audited object is named for people: one query per kind and batch. The audit
 * module reads these tables directly (other modules write the audit log, so importing their
 * entities would make an import circle). Never patient data: only accounts, organisations,
 * institutions, registries and tokens have names here.
 */
const LABEL_QUERIES: Record<string, string> = {
  User: 'select id::text as key, name as label from app_user where id = any(?::uuid[])',
  Invitation: 'select id::text as key, name as label from invitation where id = any(?::uuid[])',
  Institution: 'select id::text as key, name as label from institution where id = any(?::uuid[])',
  Organisation: 'select id::text as key, name as label from organisation where id = any(?::uuid[])',
  Registry: 'select id::text as key, code as label from registry where id = any(?::uuid[])',
  ApiToken: 'select id::text as key, name as label from api_token where id = any(?::uuid[])',
  RoleAssignment: 'select a.id::text as key, u.name as label from role_assignment a join app_user u on u.id = a.user_id where a.id = any(?::uuid[])',
  Participation:
    "select p.id::text as key, i.name || ' · ' || r.code as label from participation p join institution i on i.id = p.institution_id join registry r on r.id = p.registry_id where p.id = any(?::uuid[])",
};

/** The object kinds that have a readable label (the rest show their id). */
export const LABELLED_OBJECT_TYPES = Object.keys(LABEL_QUERIES);

async function labelsOf(em: EntityManager, objectType: string, ids: string[]): Promise<Map<string, string>> {
  const sql = LABEL_QUERIES[objectType];
  const valid = ids.filter((id) => isUuid(id));
  if (!sql || valid.length === 0) return new Map();
  // A PostgreSQL array literal: knex would spread a JS array into a list of parameters.
  const rows = await em.getConnection().execute<{ key: string; label: string }[]>(sql, [`{${valid.join(',')}}`]);
  return new Map(rows.map((row) => [row.key, row.label]));
}

/** Keys are `Type:id`. */
async function loadLabels(em: EntityManager, keys: readonly string[]): Promise<(string | null)[]> {
  const byType = new Map<string, string[]>();
  for (const key of keys) {
    const [type = '', id = ''] = key.split(/:(.*)/s);
    byType.set(type, [...(byType.get(type) ?? []), id]);
  }
  const found = new Map<string, string>();
  for (const [type, ids] of byType) {
    for (const [id, label] of await labelsOf(em, type, ids)) found.set(`${type}:${id}`, label);
  }
  return keys.map((key) => found.get(key) ?? null);
}

export const auditLoaders = requestLoaders((em) => ({
  labelByObject: new DataLoader<string, string | null>((keys) => loadLabels(em, keys)),
  institutionNameByCode: new DataLoader<string, string | null>(async (codes) => {
    const valid = codes.filter((code) => /^\d{8}$/.test(code));
    const rows = await em
      .getConnection()
      .execute<{ code: string; name: string }[]>('select code, name from institution where code = any(?::text[])', [`{${valid.join(',')}}`]);
    const byCode = new Map(rows.map((row) => [row.code, row.name]));
    return codes.map((code) => byCode.get(code) ?? null);
  }),
}));
