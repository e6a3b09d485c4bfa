import { Field, InputType, Int } from 'type-graphql';
import { Frequency } from '../common/period';
import { Channel } from './channel';
import { DeadlineRuleKind } from './deadline-rule';

@InputType({ description: 'A new registry (hub staff).' })
export class CreateRegistryInput {
  @Field(() => String, { description: 'Short code used in file names: 2–10 capitals or digits, starting with a capital (e.g. `CAT`).' })
  code!: string;

  @Field(() => String, { description: 'Full name, 1–200 characters.' })
  name!: string;

  @Field(() => String, { description: 'The registry holder (houder), 1–200 characters.' })
  holder!: string;

  @Field(() => Boolean, { defaultValue: false, description: "True when the hub also produces the registry's information product." })
  producesInformationProduct: boolean = false;

  @Field(() => [Channel], { description: 'Delivery channels the registry accepts (at least one).' })
  acceptedChannels!: Channel[];
}

@InputType({ description: "Changes to a registry's details; omitted fields stay as they are. The code never changes (file names carry it)." })
export class UpdateRegistryInput {
  @Field(() => String, { description: 'The registry to change, by code.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'New full name, 1–200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New holder, 1–200 characters.' })
  holder?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the hub produces the information product.' })
  producesInformationProduct?: boolean | null;

  @Field(() => [Channel], { nullable: true, description: 'New accepted channels (at least one).' })
  acceptedChannels?: Channel[] | null;
}

@InputType({ description: "How a sub-delivery's deadlines are found (see DeadlineRule)." })
export class DeadlineRuleInput {
  @Field(() => DeadlineRuleKind, { description: 'Offset from the period end, or a fixed date.' })
  kind!: DeadlineRuleKind;

  @Field(() => Int, { nullable: true, description: 'AFTER_PERIOD_END: months after the month the period ends in (1–24).' })
  monthsAfterPeriodEnd?: number | null;

  @Field(() => Int, { nullable: true, description: "FIXED_DATE: years after the period's year (0–5)." })
  yearsAfterPeriodYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'FIXED_DATE: the month (1–12).' })
  month?: number | null;

  @Field(() => Int, { nullable: true, description: 'Day of the month (1–31); omit with lastDayOfMonth.' })
  day?: number | null;

  @Field(() => Boolean, { defaultValue: false, description: 'AFTER_PERIOD_END: the last day of the month instead of `day`.' })
  lastDayOfMonth: boolean = false;
}

@InputType({ description: 'A new sub-delivery (deelaanlevering) of a registry (hub staff).' })
export class CreateSubDeliveryInput {
  @Field(() => String, { description: 'The registry, by code.' })
  registry!: string;

  @Field(() => String, { description: 'Code within the registry: 1–40 letters, digits, `-` or `_`, starting with a letter (e.g. `Cataract`).' })
  code!: string;

  @Field(() => String, { description: 'Name shown to users, 1–200 characters.' })
  name!: string;

  @Field(() => Frequency, { description: 'Minimum delivery frequency.' })
  frequency!: Frequency;

  @Field(() => DeadlineRuleInput, { description: "How each period's deadline is found." })
  deadlineRule!: DeadlineRuleInput;
}
