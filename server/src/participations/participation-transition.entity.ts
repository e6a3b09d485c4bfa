import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Participation } from './participation.entity';
import { ParticipationState } from './participation-state';

/**
 * One step of a participation's lifecycle, kept for good: the history shown to the institution and
 * hub staff, and where suspension spans come from (PRODUCTION → SUSPENDED … SUSPENDED → out).
 * `from` is null for the sign-up or a participation recorded by hub staff.
 */
@ObjectType({ description: "One step in a participation's lifecycle: from which state to which, when, by whom and why." })
@Entity({ tableName: 'participation_transition' })
@Index({ properties: ['participation', 'at'] })
export class ParticipationTransition {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Participation, { ref: true, deleteRule: 'cascade' })
  participation!: Ref<Participation>;

  @Field(() => ParticipationState, { nullable: true, description: 'The state before; null when the participation was made by this step.' })
  @Enum({ items: () => ParticipationState, type: 'string', nullable: true })
  fromState?: ParticipationState | null;

  @Field(() => ParticipationState, { description: 'The state after.' })
  @Enum({ items: () => ParticipationState, type: 'string' })
  toState!: ParticipationState;

  @Field(() => Date, { description: 'When (UTC).' })
  @Property({ type: 'datetime' })
  at!: Date;

  /** The acting user; null when the system moved it (automatic go-live). No foreign key: the history outlives accounts. */
  @Property({ type: 'uuid', nullable: true })
  actorUserId?: string | null;

  @Field(() => String, { description: 'Who: the name of the person, or `systeem` when the hub moved it by itself (automatic go-live).' })
  @Property({ type: 'string', length: 200 })
  actorName!: string;

  @Field(() => String, { nullable: true, description: 'Why, in the words of whoever moved it (up to 1000 characters).' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
