import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Delivery } from '../../deliveries/delivery.entity';
import { DictionaryVersion } from '../../dictionaries/dictionary-version.entity';
import { Institution } from '../../institutions/institution.entity';
import { Channel } from '../../registries/channel';
import { Registry } from '../../registries/registry.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import { todayInAmsterdam } from '../../common/calendar';
import { Period } from '../../common/period';
import { Participation } from '../../participations/participation.entity';
import { ParticipationState } from '../../participations/participation-state';
import { DeadlineException } from '../schedules/deadline-exception.entity';
import { expectedDeliveriesSql } from '../common/expected.sql';
import { query, sql } from '../common/sql';

const ZUIDERMEER = '11111111';
const INACTIVE = '31960200';
/** Who takes part in what, and from when (the rest of the demo institutions join CAT and PMICD from 2024K1). */
const MMY_INSTITUTIONS = ['11111111', '12040017', '13180025', '15330041', '23180120', '25300146'];
const LATE_JOINERS: Record<string, string> = { '14250033': '2025K3', '19740083': '2025K3', '27520162': '2025K3', '25300146': '2025H2' };
const NOT_IN_CAT = ['23180120', '30850197'];
const NOT_IN_PMICD = ['22070112', '23180120'];

/** A stable fraction in [0, 1) for a text, so every demo database gets the same deliveries. */
function fraction(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function seedParticipations(em: EntityManager): Promise<void> {
  const institutions = await em.find(Institution, {});
  const subDeliveries = await em.find(SubDelivery, {}, { populate: ['registry'] });
  for (const institution of institutions) {
    for (const subDelivery of subDeliveries) {
      const registry = subDelivery.registry.getEntity().code;
      const takesPart =
        registry === 'MMY'
          ? MMY_INSTITUTIONS.includes(institution.code)
          : registry === 'CAT'
            ? !NOT_IN_CAT.includes(institution.code)
            : registry === 'PMICD'
              ? !NOT_IN_PMICD.includes(institution.code)
              : false;
      if (!takesPart || (await em.count(Participation, { institution: institution.id, subDelivery: subDelivery.id }))) continue;
      const start = Period.parse(LATE_JOINERS[institution.code] ?? (registry === 'MMY' ? '2024H1' : '2024K1'));
      em.create(Participation, {
        institution,
        subDelivery,
        startPeriod: start.code,
        startDate: start.startDate as string,
        channel: registry === 'CAT' && institution.code === '22070112' ? Channel.ENTRY_PORTAL : Channel.PORTAL,
        state: institution.code === INACTIVE ? ParticipationState.ENDED : ParticipationState.PRODUCTION,
      });
    }
  }
  await em.flush();
}

/** The status a demo delivery is meant to get from the real processing of its generated file. */
export enum DemoStatus {
  PROCESSED = 'PROCESSED',
  PROCESSED_WITH_ERRORS = 'PROCESSED_WITH_ERRORS',
  REJECTED = 'REJECTED',
}

/** One demo delivery to make: which stream and period, delivered when, meant to end how. */
export interface DemoDelivery {
  institutionId: string;
  institutionCode: string;
  subDeliveryId: string;
  registryCode: string;
  subDeliveryCode: string;
  dictionaryVersionId: string;
  version: string;
  period: string;
  /** Last day the period covers (a TOTAAL: 31 December of the year it covers). */
  periodEnd: string;
  channel: Channel;
  /** Delivery date (`YYYY-MM-DD`). */
  date: string;
  status: DemoStatus;
  /** How many times the dictionary's valid example is repeated in the file. */
  copies: number;
}

interface DemoRow {
  institution_id: string;
  sub_delivery_id: string;
  period: string;
  period_end: string;
  deadline: string;
  institution_code: string;
  registry_code: string;
  sub_delivery_code: string;
}

/**
 * Demo deliveries for the expected periods whose deadline has passed: most on time, some late,
 * some processed with errors or rejected, some missing. UMC Zuidermeer gets a fixed mix so its
 * Overzicht shows all three tables: the last PMICD quarter and a PROMS half year missing, a CAT
 * quarter with errors, a rejected PMICD quarter, and a postponed CAT quarter (a deadline exception)
 * that is upcoming. Only the plan is made here: the files are generated and go through the real
 * processing afterwards (db/seeds/demo-deliveries.ts), so every count and report line is the engine's.
 */
async function planDeliveries(em: EntityManager, today: string): Promise<DemoDelivery[]> {
  const rows = await query<DemoRow>(
    em,
    sql`
    select e.institution_id, e.sub_delivery_id, e.period, e.period_end, e.deadline, i.code as institution_code, rg.code as registry_code, sd.code as sub_delivery_code
    from (${expectedDeliveriesSql({ asOf: today, grants: null, institutionIds: null })}) e
    join institution i on i.id = e.institution_id join sub_delivery sd on sd.id = e.sub_delivery_id join registry rg on rg.id = e.registry_id
    where e.deadline < ${today}::date and e.delivered_on is null
    order by i.code, rg.code, sd.code, e.deadline desc`,
  );
  const versions = await em.find(DictionaryVersion, {}, { orderBy: { acceptedFrom: 'desc' } });
  const versionOf = (subDeliveryId: string) => versions.find((version) => version.subDelivery.id === subDeliveryId) as DictionaryVersion;
  const channels = new Map((await em.find(Participation, {})).map((p) => [`${p.institution.id}/${p.subDelivery.id}`, p.channel]));
  const rank = new Map<string, number>();
  const plan: DemoDelivery[] = [];
  const deliver = (row: DemoRow, date: string, status: DemoStatus) => {
    const version = versionOf(row.sub_delivery_id);
    plan.push({
      institutionId: row.institution_id,
      institutionCode: row.institution_code,
      subDeliveryId: row.sub_delivery_id,
      registryCode: row.registry_code,
      subDeliveryCode: row.sub_delivery_code,
      dictionaryVersionId: version.id,
      version: version.version,
      period: row.period,
      periodEnd: row.period_end,
      channel: channels.get(`${row.institution_id}/${row.sub_delivery_id}`) ?? Channel.PORTAL,
      date,
      status,
      copies: 2 + Math.floor(fraction(`${row.institution_code}${row.sub_delivery_code}${row.period}n`) * 9),
    });
  };
  for (const row of rows) {
    const stream = `${row.institution_id}/${row.sub_delivery_id}`;
    const index = rank.get(stream) ?? 0;
    rank.set(stream, index + 1);
    const pick = fraction(`${row.institution_code}${row.sub_delivery_code}${row.period}${row.period_end}`);
    if (row.institution_code === ZUIDERMEER) {
      if (index === 0 && (row.registry_code === 'PMICD' || row.sub_delivery_code === 'PROMS')) continue;
      if (index === 0 && row.registry_code === 'CAT' && row.period !== 'TOTAAL') {
        em.create(DeadlineException, {
          institution: em.getReference(Institution, row.institution_id),
          subDelivery: em.getReference(SubDelivery, row.sub_delivery_id),
          period: row.period,
          periodEnd: row.period_end,
          deadline: addDays(today, 12),
          exempt: false,
          reason: 'Uitstel wegens overstap naar een ander EPD (demo)',
          setBy: null,
        });
        continue;
      }
      if (index === 1 && row.registry_code === 'CAT') deliver(row, addDays(row.deadline, -3), DemoStatus.PROCESSED_WITH_ERRORS);
      else if (index === 1 && row.registry_code === 'PMICD') deliver(row, addDays(row.deadline, -2), DemoStatus.REJECTED);
      else deliver(row, addDays(row.deadline, -1 - Math.floor(pick * 20)), DemoStatus.PROCESSED);
      continue;
    }
    if (pick < 0.08) continue;
    const late = pick > 0.88;
    const date = late ? addDays(row.deadline, 3 + Math.floor(pick * 40)) : addDays(row.deadline, -1 - Math.floor(pick * 25));
    if (date > today) continue;
    if (pick > 0.8 && pick <= 0.84) {
      deliver(row, addDays(date, -5), DemoStatus.REJECTED);
      deliver(row, date, DemoStatus.PROCESSED);
    } else {
      deliver(row, date, pick > 0.7 ? DemoStatus.PROCESSED_WITH_ERRORS : DemoStatus.PROCESSED);
    }
  }
  await em.flush();
  return plan;
}

/**
 * Participations of the demo institutions, and the plan of a history of demo deliveries (see
 * planDeliveries): empty when the database already has deliveries.
 */
export async function seedDemoParticipations(em: EntityManager, today: string = todayInAmsterdam()): Promise<DemoDelivery[]> {
  if (!(await em.count(Registry, {}))) return [];
  await seedParticipations(em);
  if (await em.count(Delivery, {})) return [];
  return planDeliveries(em, today);
}
