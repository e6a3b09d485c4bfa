import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInAmsterdam } from '../common/calendar';
import { DeliveryStatus } from '../deliveries/delivery-status';
import { DEFAULT_GO_LIVE, GoLiveSettings } from './go-live-settings.entity';
import type { Participation } from './participation.entity';
import { ParticipationState } from './participation-state';
import { requiredVersion } from '../dictionaries/version-window';

/** What ACCOUNTS_READY needs; each missing one is named in the refusal and the checklist. */
export type MissingAccount = 'LOCAL_ADMIN' | 'SUBMITTER';

/** An active local administrator of the institution, and an active submitter for the registry (or one of its sub-deliveries). */
export async function missingAccounts(em: EntityManager, institutionId: string, registryId: string): Promise<MissingAccount[]> {
  const rows = await em.getConnection().execute<{ local_admin: boolean; submitter: boolean }[]>(
    `select
       exists (select 1 from role_assignment ra join app_user u on u.id = ra.user_id
               where ra.role = 'LOCAL_ADMIN' and ra.institution_id = ? and u.active) as local_admin,
       exists (select 1 from role_assignment ra join app_user u on u.id = ra.user_id
               left join sub_delivery sd on sd.id = ra.sub_delivery_id
               where ra.role = 'SUBMITTER' and ra.institution_id = ? and u.active and (ra.registry_id = ? or sd.registry_id = ?)) as submitter`,
    [institutionId, institutionId, registryId, registryId],
  );
  const row = rows[0];
  const missing: MissingAccount[] = [];
  if (!row?.local_admin) missing.push('LOCAL_ADMIN');
  if (!row?.submitter) missing.push('SUBMITTER');
  return missing;
}

export async function goLiveSettingsOf(em: EntityManager, registryId: string): Promise<Omit<GoLiveSettings, 'registry'>> {
  return (await em.findOne(GoLiveSettings, { registry: registryId })) ?? { ...DEFAULT_GO_LIVE };
}

export interface GoLiveState {
  inTesting: boolean;
  missingAccounts: MissingAccount[];
  requiredVersion: string | null;
  cleanTestDeliveries: number;
  minCleanTestDeliveries: number;
  /** True when every criterion is met. */
  met: boolean;
}

/**
 * The go-live criteria of a participation (default: one test delivery of the currently required
 * dictionary version processed with no F, BF or TF line, i.e. `error_count = 0`). Only test
 * deliveries made since the participation last entered TESTING count, so a vendor change that
 * sends it back asks for a new clean one.
 */
export async function goLiveState(em: EntityManager, participation: Participation, registryId: string, now: Date): Promise<GoLiveState> {
  const settings = await goLiveSettingsOf(em, registryId);
  const version = await requiredVersion(em, participation.subDelivery.id, todayInAmsterdam(now));
  const accounts = await missingAccounts(em, participation.institution.id, registryId);
  let clean = 0;
  if (version) {
    const rows = await em.getConnection().execute<{ clean: string }[]>(
      `select count(*) as clean from delivery d
       where d.institution_id = ? and d.sub_delivery_id = ? and d.dictionary_version_id = ? and d.test
         and d.status = any(?::text[]) and d.error_count = 0
         and d.delivered_at >= coalesce((select max(t.at) from participation_transition t where t.participation_id = ? and t.to_state = 'TESTING'), '-infinity')`,
      [
        participation.institution.id,
        participation.subDelivery.id,
        version.id,
        `{${DeliveryStatus.PROCESSED},${DeliveryStatus.PROCESSED_WITH_ERRORS}}`,
        participation.id,
      ],
    );
    clean = Number(rows[0]?.clean ?? 0);
  }
  const inTesting = participation.state === ParticipationState.TESTING;
  return {
    inTesting,
    missingAccounts: accounts,
    requiredVersion: version?.version ?? null,
    cleanTestDeliveries: clean,
    minCleanTestDeliveries: settings.minCleanTestDeliveries,
    met: inTesting && accounts.length === 0 && version !== null && clean >= settings.minCleanTestDeliveries,
  };
}
