import type { EntityManager } from '@mikro-orm/postgresql';
import type { DictionaryCatalogue } from '../dictionaries/dictionary-catalogue';
import { CompletenessResolver, VolumeChangeResolver } from './completeness/completeness.resolver';
import { type DemoDelivery, seedDemoParticipations as seedDemo } from './demo/demo-participations';
import { DeliveryOverviewResolver } from './overview/overview.resolver';
import { DeliveryOverviewInstitutionResolver, ExpectedDeliveryFieldsResolver } from './overview/stream-fields.resolver';
import { ReminderPreferenceResolver } from './reminders/reminder-preferences';
import { ReminderDigest, ReminderOptOut, SentReminder } from './reminders/reminder.entities';
import { DeadlineException } from './schedules/deadline-exception.entity';
import { DeliverySchedule } from './schedules/delivery-schedule.entity';
import { registerSchedules as registerDictionarySchedules } from './schedules/register-schedules';
import { DeadlineExceptionResolver, SubDeliveryScheduleResolver } from './schedules/schedule.resolver';
import { DeliveryDeadlineResolver } from './schedules/delivery-deadline.resolver';

/**
 * Schedules, participations, expected deliveries and overviews (issue 6). The app wires this
 * module through these exports only: its resolvers, its entities, the start-up step that derives
 * schedules from the dictionaries, its demo data, and the reminders job.
 */
export const overviewResolvers = [
  DeliveryOverviewResolver,
  DeliveryOverviewInstitutionResolver,
  ExpectedDeliveryFieldsResolver,
  CompletenessResolver,
  VolumeChangeResolver,
  SubDeliveryScheduleResolver,
  DeadlineExceptionResolver,
  DeliveryDeadlineResolver,
  ReminderPreferenceResolver,
] as const;

export const overviewEntities = [DeliverySchedule, DeadlineException, ReminderOptOut, SentReminder, ReminderDigest] as const;

/** Called at every start after the dictionaries are registered. */
export async function registerSchedules(em: EntityManager, catalogue: DictionaryCatalogue): Promise<void> {
  await registerDictionarySchedules(em, catalogue);
}

/** Called from the demo seed after institutions and accounts exist: the deliveries it plans are processed by the seed. */
export async function seedDemoParticipations(em: EntityManager): Promise<DemoDelivery[]> {
  return seedDemo(em);
}

export { type DemoDelivery, DemoStatus } from './demo/demo-participations';

export { OverviewCache } from './common/overview-cache';
export { sendDueReminders, type ReminderRun } from './reminders/reminders.service';
export { remindersCommand } from './reminders/reminders.command';
