import { Migration } from '@mikro-orm/migrations';

/** Statuses that fulfil an expected delivery (expected.sql.ts FULFILLING) and those with a final verdict (the overview's "rejected"). */
const FULFILLING = `('PROCESSED', 'PROCESSED_WITH_ERRORS')`;
const FINAL = `('PROCESSED', 'PROCESSED_WITH_ERRORS', 'REJECTED')`;
/** The year a TOTAAL delivery covers ends on 31 December before its delivery date; other periods carry no year. */
const TOTAL_END = (row: string) => `case when ${row}.period = 'TOTAAL' then make_date(extract(year from ${row}.delivery_date)::int - 1, 12, 31) else date '0001-01-01' end`;

/** Upserts the earliest fulfilling date per key of the rows `from` selects (aliased `n`). */
const ADD_FROM = (from: string) => `insert into delivery_fulfilment (institution_id, sub_delivery_id, period, total_end, delivered_on)
        select n.institution_id, n.sub_delivery_id, n.period, ${TOTAL_END('n')}, min(n.delivery_date) from ${from} group by 1, 2, 3, 4
        on conflict (institution_id, sub_delivery_id, period, total_end) do update set delivered_on = least(delivery_fulfilment.delivered_on, excluded.delivered_on);`;
const CHANGED = `n.institution_id <> o.institution_id or n.sub_delivery_id <> o.sub_delivery_id or n.period <> o.period or n.delivery_date <> o.delivery_date`;
/** Keys (as `g`) whose earliest date may be gone: an old fulfilling row that no longer fulfils under the same key and date. */
const GONE_UPDATE = `(select distinct o.institution_id, o.sub_delivery_id, o.period, ${TOTAL_END('o')} as total_end from old_rows o join new_rows n on n.id = o.id
          where not o.test and o.status in ${FULFILLING} and (n.test or n.status not in ${FULFILLING} or ${CHANGED})) g`;
const GONE_DELETE = `(select distinct o.institution_id, o.sub_delivery_id, o.period, ${TOTAL_END('o')} as total_end from old_rows o where not o.test and o.status in ${FULFILLING}) g`;
const RECOMPUTE = (gone: string) => `perform 1 from delivery_fulfilment f join ${gone} using (institution_id, sub_delivery_id, period, total_end)
          order by f.institution_id, f.sub_delivery_id, f.period, f.total_end for update of f;
        delete from delivery_fulfilment f using ${gone}
          where (f.institution_id, f.sub_delivery_id, f.period, f.total_end) = (g.institution_id, g.sub_delivery_id, g.period, g.total_end);
        insert into delivery_fulfilment (institution_id, sub_delivery_id, period, total_end, delivered_on)
        select d.institution_id, d.sub_delivery_id, d.period, g.total_end, min(d.delivery_date)
        from delivery d join ${gone} on g.institution_id = d.institution_id and g.sub_delivery_id = d.sub_delivery_id and g.period = d.period
        where not d.test and d.status in ${FULFILLING} and ${TOTAL_END('d')} = g.total_end
        group by 1, 2, 3, 4
        on conflict (institution_id, sub_delivery_id, period, total_end) do update set delivered_on = least(delivery_fulfilment.delivered_on, excluded.delivered_on);`;

/**
 * Issue 6 performance: overviews read fulfilment from a table kept in step with `delivery`, and an
 * in-process cache of overview results is invalidated by a version every relevant change bumps.
 *
 * - `delivery_fulfilment`: per institution, sub-delivery, period (and, for TOTAAL, the year it
 *   covers) the first delivery date of a fulfilling production delivery. Statement triggers on
 *   `delivery` keep it, in the transaction that changes the delivery, whatever path changes it
 *   (services, the worker, the benchmark's SQL). A delivery can only add a candidate date
 *   (`least`), except when one stops fulfilling (status, test flag, key or date changed, deleted):
 *   then the row is locked and recomputed from `delivery`, so a concurrent addition waits or is
 *   seen.
 * - `data_version`: one row per group of data an in-process cache depends on
 *   (common/data-versions.ts), bumped once per committing transaction that changed it: `overview`
 *   (participations, schedules, deadline exceptions, registries, sub-deliveries, institutions,
 *   deliveries with a final verdict) and `access` (what a bearer token's actor is made of).
 *   Deferred to commit, so a row is locked only while committing, never for the length of a long
 *   processing transaction.
 */
export class Migration20261123183134 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "delivery_fulfilment" ("institution_id" uuid not null, "sub_delivery_id" uuid not null, "period" varchar(10) not null, "total_end" date not null, "delivered_on" date not null, constraint "delivery_fulfilment_pkey" primary key ("institution_id", "sub_delivery_id", "period", "total_end"));`);
    this.addSql(`insert into "delivery_fulfilment" select d.institution_id, d.sub_delivery_id, d.period, ${TOTAL_END('d')}, min(d.delivery_date)
      from delivery d where not d.test and d.status in ${FULFILLING} group by 1, 2, 3, 4;`);

    this.addSql(`create function "delivery_fulfilment_add"() returns trigger language plpgsql as $$
      begin
        ${ADD_FROM('new_rows n where not n.test and n.status in ' + FULFILLING)}
        return null;
      end $$;`);
    // An update adds the rows that newly fulfil; for keys that may have lost their earliest date it
    // locks their rows first (in key order, against deadlocks), then recomputes them in later
    // statements, whose snapshots see what the lock waited for.
    this.addSql(`create function "delivery_fulfilment_update"() returns trigger language plpgsql as $$
      begin
        ${ADD_FROM(`new_rows n join old_rows o on o.id = n.id where not n.test and n.status in ${FULFILLING} and (${CHANGED} or o.test or o.status not in ${FULFILLING})`)}
        if not exists (select 1 from ${GONE_UPDATE}) then return null; end if;
        ${RECOMPUTE(GONE_UPDATE)}
        return null;
      end $$;`);
    this.addSql(`create function "delivery_fulfilment_delete"() returns trigger language plpgsql as $$
      begin
        if not exists (select 1 from ${GONE_DELETE}) then return null; end if;
        ${RECOMPUTE(GONE_DELETE)}
        return null;
      end $$;`);
    this.addSql(`create trigger "delivery_fulfilment_insert" after insert on "delivery" referencing new table as new_rows for each statement execute function delivery_fulfilment_add();`);
    this.addSql(`create trigger "delivery_fulfilment_update" after update on "delivery" referencing old table as old_rows new table as new_rows for each statement execute function delivery_fulfilment_update();`);
    this.addSql(`create trigger "delivery_fulfilment_delete" after delete on "delivery" referencing old table as old_rows for each statement execute function delivery_fulfilment_delete();`);

    this.addSql(`create table "data_version" ("name" text not null, "version" bigint not null default 0, constraint "data_version_pkey" primary key ("name"));`);
    this.addSql(`insert into "data_version" ("name", "version") values ('overview', 0), ('access', 0);`);
    // A transaction-local marker keeps it to one update per group and transaction, however many rows changed.
    this.addSql(`create function "data_version_bump"() returns trigger language plpgsql as $$
      declare
        marker text := 'datahub.data_version_' || tg_argv[0];
      begin
        if current_setting(marker, true) is distinct from txid_current()::text then
          perform set_config(marker, txid_current()::text, true);
          update data_version set version = version + 1 where name = tg_argv[0];
        end if;
        return null;
      end $$;`);
    const bump = (name: string, table: string, on = 'insert or update or delete', when = '') =>
      this.addSql(`create constraint trigger "${name}" after ${on} on "${table}" deferrable initially deferred for each row${when ? ` when (${when})` : ''} execute function data_version_bump('${name.endsWith('_access_version') ? 'access' : 'overview'}');`);
    for (const table of ['participation', 'delivery_schedule', 'deadline_exception', 'registry', 'sub_delivery', 'institution']) bump(`${table}_overview_version`, table);
    // Deliveries matter to the overviews only with a final verdict (fulfilment and "rejected"): a
    // delivery being received or processed, or its progress counter, changes nothing there.
    bump('delivery_insert_overview_version', 'delivery', 'insert', `new.status in ${FINAL}`);
    bump('delivery_update_overview_version', 'delivery', 'update', `(old.status in ${FINAL} or new.status in ${FINAL}) and (old.status, old.test, old.institution_id, old.sub_delivery_id, old.period, old.delivery_date, old.delivered_at)
        is distinct from (new.status, new.test, new.institution_id, new.sub_delivery_id, new.period, new.delivery_date, new.delivered_at)`);
    bump('delivery_delete_overview_version', 'delivery', 'delete', `old.status in ${FINAL}`);
    // What a bearer token's actor is made of; a token's last use (written once a minute) is not.
    for (const table of ['app_user', 'role_assignment', 'organisation', 'institution']) bump(`${table}_access_version`, table);
    bump('api_token_update_access_version', 'api_token', 'update', `(old.token_hash, old.user_id, old.organisation_id, old.expires_at, old.revoked_at)
        is distinct from (new.token_hash, new.user_id, new.organisation_id, new.expires_at, new.revoked_at)`);
    bump('api_token_delete_access_version', 'api_token', 'delete');
  }

  override async down(): Promise<void> {
    for (const [name, table] of [
      ...['participation', 'delivery_schedule', 'deadline_exception', 'registry', 'sub_delivery', 'institution'].map((table) => [`${table}_overview_version`, table]),
      ...['app_user', 'role_assignment', 'organisation', 'institution'].map((table) => [`${table}_access_version`, table]),
      ['api_token_update_access_version', 'api_token'], ['api_token_delete_access_version', 'api_token'],
      ...['delivery_insert_overview_version', 'delivery_update_overview_version', 'delivery_delete_overview_version', 'delivery_fulfilment_insert', 'delivery_fulfilment_update', 'delivery_fulfilment_delete'].map((name) => [name, 'delivery']),
    ]) this.addSql(`drop trigger if exists "${name}" on "${table}";`);
    for (const name of ['data_version_bump', 'delivery_fulfilment_add', 'delivery_fulfilment_update', 'delivery_fulfilment_delete']) this.addSql(`drop function if exists "${name}"();`);
    this.addSql(`drop table if exists "data_version";`);
    this.addSql(`drop table if exists "delivery_fulfilment";`);
  }

}
