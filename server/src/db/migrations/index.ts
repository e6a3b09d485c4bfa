import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123153802 } from './Migration20261123153802';
import { Migration20261123154842 } from './Migration20261123154842';
import { Migration20261123161509 } from './Migration20261123161509';
import { Migration20261123161958 } from './Migration20261123161958';
import { Migration20261123162203 } from './Migration20261123162203';
import { Migration20261123183134 } from './Migration20261123183134';
import { Migration20261123184000 } from './Migration20261123184000';
import { Migration20261123204000 } from './Migration20261123204000';
import { Migration20261123205000 } from './Migration20261123205000';
import { Migration20261124090000 } from './Migration20261124090000';
import { Migration20261124091000 } from './Migration20261124091000';
import { Migration20261124092000 } from './Migration20261124092000';
import { Migration20261124093000 } from './Migration20261124093000';
import { Migration20261203090000 } from './Migration20261203090000';
import { Migration20261203100000 } from './Migration20261203100000';
import { Migration20261203130000 } from './Migration20261203130000';
import { Migration20261203120000 } from './Migration20261203120000';
import { Migration20261203140000 } from './Migration20261203140000';
import { Migration20261203160000 } from './Migration20261203160000';
import { Migration20261203110000 } from './Migration20261203110000';
import { Migration20261203150000 } from './Migration20261203150000';

/** Applied in this order; `pnpm cli migration:create` writes new files here, then add them below. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123153802_domain_core', class: Migration20261123153802 },
  { name: 'Migration20261123154842_identity_and_audit', class: Migration20261123154842 },
  { name: 'Migration20261123161509_deliveries', class: Migration20261123161509 },
  { name: 'Migration20261123161958_schedules_and_participations', class: Migration20261123161958 },
  { name: 'Migration20261123162203_worker_heartbeat', class: Migration20261123162203 },
  { name: 'Migration20261123183134_overview_fulfilment_and_version', class: Migration20261123183134 },
  { name: 'Migration20261123184000_record_store_for_bulk_merges', class: Migration20261123184000 },
  { name: 'Migration20261123204000_report_order_index', class: Migration20261123204000 },
  { name: 'Migration20261123205000_token_cache_bumps_on_actor_columns', class: Migration20261123205000 },
  { name: 'Migration20261124090000_delivery_failure_codes', class: Migration20261124090000 },
  { name: 'Migration20261124091000_delivery_file_names_without_bidi_controls', class: Migration20261124091000 },
  { name: 'Migration20261124092000_login_lockout_per_address_typed', class: Migration20261124092000 },
  { name: 'Migration20261124093000_keyset_order_indexes', class: Migration20261124093000 },
  { name: 'Migration20261203090000_participation_state', class: Migration20261203090000 },
  { name: 'Migration20261203100000_institutions_managed_by_hub_staff', class: Migration20261203100000 },
  { name: 'Migration20261203130000_dictionary_versions_over_time', class: Migration20261203130000 },
  { name: 'Migration20261203120000_agreements_contacts_channels', class: Migration20261203120000 },
  { name: 'Migration20261203140000_institution_mergers', class: Migration20261203140000 },
  { name: 'Migration20261203110000_participation_lifecycle', class: Migration20261203110000 },
  { name: 'Migration20261203150000_processor_authorisations', class: Migration20261203150000 },
  { name: 'Migration20261203160000_forwarding_afnames', class: Migration20261203160000 },
];
