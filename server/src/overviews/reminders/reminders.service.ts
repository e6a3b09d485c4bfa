import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppServices } from '../../kernel/services';
import { DELIVERED, expectedDeliveriesSql } from '../common/expected.sql';
import { query, sql } from '../common/sql';
import { reminderDigestMail, type ReminderItem } from './reminder-mail';
import { ReminderKind } from './reminder.entities';

/**
 * When each reminder is due, in days from `asOf` to the deadline. Windows rather than single days,
 * so a day the job did not run is caught up; the table of sent reminders keeps each one single.
 * The overdue one is sent at most a week late, so old gaps never start a flood of mail.
 */
const WINDOWS = `case when deadline - ?::date between 4 and 14 then 'DAYS_14_BEFORE'
  when deadline - ?::date between 0 and 3 then 'DAYS_3_BEFORE'
  when ?::date - deadline between 1 and 7 then 'OVERDUE' end`;

interface DueRow {
  user_id: string;
  email: string;
  language: string;
  institution_id: string;
  sub_delivery_id: string;
  period: string;
  period_end: string;
  deadline: string;
  kind: ReminderKind;
  institution_code: string;
  institution_name: string;
  registry_code: string;
  sub_delivery_code: string;
}

/** Every reminder due on `asOf` that has not been sent, for active submitters of the stream who did not opt out. */
async function dueReminders(em: EntityManager, asOf: string): Promise<DueRow[]> {
  // Anything delivered and not refused stops reminders (DELIVERED), not only a processed delivery.
  const expected = expectedDeliveriesSql({ asOf, grants: null, institutionIds: null, statuses: DELIVERED });
  return query<DueRow>(
    em,
    sql`
    with due as (
      select e.*, ${{ text: WINDOWS, values: [asOf, asOf, asOf] }} as kind
      from (${expected}) e
      where e.delivered_on is null and e.deadline between ${asOf}::date - 7 and ${asOf}::date + 14
    )
    select distinct u.id as user_id, u.email, u.language, due.institution_id, due.sub_delivery_id, due.period, due.period_end, due.deadline, due.kind,
           i.code as institution_code, i.name as institution_name, rg.code as registry_code, sd.code as sub_delivery_code
    from due
    join role_assignment ra on ra.role = 'SUBMITTER' and ra.institution_id = due.institution_id
      and (ra.sub_delivery_id = due.sub_delivery_id or (ra.sub_delivery_id is null and ra.registry_id = due.registry_id))
    join app_user u on u.id = ra.user_id and u.active
    join institution i on i.id = due.institution_id
    join sub_delivery sd on sd.id = due.sub_delivery_id
    join registry rg on rg.id = due.registry_id
    where due.kind is not null
      and not exists (select 1 from reminder_opt_out o where o.user_id = u.id and o.registry_id = due.registry_id)
      and not exists (select 1 from reminder_digest r where r.user_id = u.id and r.sent_on = ${asOf}::date)
      and not exists (select 1 from sent_reminder s where s.user_id = u.id and s.institution_id = due.institution_id and s.sub_delivery_id = due.sub_delivery_id
                      and s.period = due.period and s.period_end = due.period_end and s.kind = due.kind)
    order by u.id, due.deadline, rg.code, sd.code, due.period_end`,
  );
}

export interface ReminderRun {
  digests: number;
  reminders: number;
}

/**
 * The reminders job (issue 6): for each unfulfilled expected delivery, submitters of that stream
 * get a reminder 14 and 3 days before the deadline and one the day after it passed; all of a
 * user's reminders of a day go in one digest. Idempotent: per user the digest row (at most one a
 * day), the sent reminders and the mail share one transaction, so a failed mail is retried on the
 * next run and a second run on the same day sends nothing.
 */
export async function sendDueReminders(services: AppServices, asOf: string): Promise<ReminderRun> {
  const em = services.orm.em.fork() as EntityManager;
  const rows = await dueReminders(em, asOf);
  const byUser = new Map<string, DueRow[]>();
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
  const run: ReminderRun = { digests: 0, reminders: 0 };
  for (const [userId, items] of byUser) {
    const first = items[0] as DueRow;
    await em.fork().transactional(async (tx) => {
      const inserted = await query<{ user_id: string }>(
        tx as EntityManager,
        sql`
        insert into reminder_digest (user_id, sent_on, items, sent_at) values (${userId}::uuid, ${asOf}::date, ${items.length}, now())
        on conflict do nothing returning user_id`,
      );
      if (inserted.length === 0) return;
      for (const item of items) {
        await query(
          tx as EntityManager,
          sql`
          insert into sent_reminder (user_id, institution_id, sub_delivery_id, period, period_end, kind, sent_on)
          values (${userId}::uuid, ${item.institution_id}::uuid, ${item.sub_delivery_id}::uuid, ${item.period}, ${item.period_end}::date, ${item.kind}, ${asOf}::date)
          on conflict do nothing`,
        );
      }
      const mailItems: ReminderItem[] = items.map((item) => ({
        kind: item.kind,
        institutionCode: item.institution_code,
        institutionName: item.institution_name,
        registryCode: item.registry_code,
        subDeliveryCode: item.sub_delivery_code,
        period: item.period,
        deadline: item.deadline,
      }));
      await services.mailer.send(reminderDigestMail({ email: first.email, language: first.language }, mailItems, services.config.publicUrl));
      run.digests += 1;
      run.reminders += items.length;
    });
  }
  return run;
}
