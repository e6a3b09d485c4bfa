import { ApiToken } from '../access/api-token.entity';
import { Invitation } from '../access/invitation.entity';
import { LoginFailure } from '../access/login-failure.entity';
import { LoginLockout } from '../access/login-lockout.entity';
import { OneTimeSecret } from '../access/one-time-secret.entity';
import { Organisation } from '../access/organisation.entity';
import { RoleAssignment } from '../access/role-assignment.entity';
import { Session } from '../access/session.entity';
import { User } from '../access/user.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Delivery } from '../deliveries/delivery.entity';
import { RejectedRecord } from '../records/rejected-record.entity';
import { HeldRecordVersion } from '../records/held-record-version.entity';
import { HeldRecord } from '../records/held-record.entity';
import { ReportLine } from '../reports/report-line.entity';
import { forwardingEntities } from '../forwarding/module';
import { WorkerHeartbeat } from '../jobs/worker-heartbeat.entity';
import { overviewEntities } from '../overviews/module';
import { participationEntities } from '../participations/module';
import { agreementEntities } from '../agreements/module';
import { channelEntities } from '../channels/module';
import { contactEntities } from '../contacts/module';
import { mergerEntities } from '../mergers/module';
import { authorisationEntities } from '../authorisations/module';
import { noticeEntities } from '../notices/module';
import { dataRequestEntities } from '../data-requests/module';
import { entryPortalEntities } from '../entry-portal/module';
import { fhirHttpEntities } from '../fhir/http/module';
import { DictionaryVersion } from '../dictionaries/dictionary-version.entity';
import { Institution } from '../institutions/institution.entity';
import { InstitutionUnit } from '../institutions/institution-unit.entity';
import { DeadlineRule } from '../registries/deadline-rule';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';

/** Every entity, listed explicitly: no folder scanning, so tsc output and swc-run tests see the same set. */
export const entities = [
  Institution,
  InstitutionUnit,
  Registry,
  SubDelivery,
  DeadlineRule,
  DictionaryVersion,
  Organisation,
  User,
  RoleAssignment,
  Session,
  ApiToken,
  OneTimeSecret,
  Invitation,
  LoginFailure,
  LoginLockout,
  AuditEvent,
  Delivery,
  ReportLine,
  RejectedRecord,
  HeldRecord,
  HeldRecordVersion,
  WorkerHeartbeat,
  ...overviewEntities,
  ...participationEntities,
  ...agreementEntities,
  ...contactEntities,
  ...channelEntities,
  ...mergerEntities,
  ...authorisationEntities,
  ...forwardingEntities,
  ...noticeEntities,
  ...dataRequestEntities,
  ...entryPortalEntities,
  ...fhirHttpEntities,
];
