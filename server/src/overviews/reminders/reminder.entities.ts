import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { User } from '../../access/user.entity';
import { Institution } from '../../institutions/institution.entity';
import { Registry } from '../../registries/registry.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';

/** Issue 6: 14 and 3 days before the deadline, and the day after it passed. */
export enum ReminderKind {
  DAYS_14_BEFORE = 'DAYS_14_BEFORE',
  DAYS_3_BEFORE = 'DAYS_3_BEFORE',
  OVERDUE = 'OVERDUE',
}

registerEnumType(ReminderKind, { name: 'ReminderKind', description: 'Which reminder of an expected delivery.' });

/** A user who wants no reminder mails for one registry. */
@Entity({ tableName: 'reminder_opt_out' })
@Unique({ properties: ['user', 'registry'] })
export class ReminderOptOut {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @ManyToOne(() => Registry, { ref: true, deleteRule: 'cascade' })
  registry!: Ref<Registry>;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** One reminder mentioned to one user: never again for the same expected delivery and kind. */
@Entity({ tableName: 'sent_reminder' })
@Unique({ properties: ['user', 'institution', 'subDelivery', 'period', 'periodEnd', 'kind'] })
export class SentReminder {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @ManyToOne(() => Institution, { ref: true, deleteRule: 'cascade' })
  institution!: Ref<Institution>;

  @ManyToOne(() => SubDelivery, { ref: true, deleteRule: 'cascade' })
  subDelivery!: Ref<SubDelivery>;

  @Property({ type: 'string', length: 10 })
  period!: string;

  @Property({ type: 'date' })
  periodEnd!: string;

  @Enum({ items: () => ReminderKind, type: 'string' })
  kind!: ReminderKind;

  @Property({ type: 'date' })
  sentOn!: string;
}

/** At most one reminder digest per user per day (the primary key says so). */
@Entity({ tableName: 'reminder_digest' })
@Index({ properties: ['sentOn'] })
export class ReminderDigest {
  [OptionalProps]?: 'sentAt';

  @ManyToOne(() => User, { ref: true, primary: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @PrimaryKey({ type: 'date' })
  sentOn!: string;

  @Property({ type: 'integer' })
  items!: number;

  @Property({ type: 'datetime' })
  sentAt: Date = new Date();
}
