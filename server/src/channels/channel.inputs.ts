import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import type { Period } from '../common/period';
import { PeriodScalar } from '../common/scalars';
import { Channel } from '../registries/channel';

export enum ChannelSwitchDecision {
  APPROVE = 'APPROVE',
  DECLINE = 'DECLINE',
}

registerEnumType(ChannelSwitchDecision, {
  name: 'ChannelSwitchDecision',
  description: "The hub's decision on a channel switch.",
  valuesConfig: {
    APPROVE: { description: 'Switch from the effective period.' },
    DECLINE: { description: 'Keep the current channel.' },
  },
});

@InputType({ description: 'A request to deliver to a registry through another channel.' })
export class RequestChannelSwitchInput {
  @Field(() => String, {
    nullable: true,
    description: "8-digit institution code; may be left out by a local administrator of exactly one institution (that one's).",
  })
  institutionCode?: string | null;

  @Field(() => String, { description: 'Registry code, e.g. `CAT`.' })
  registry!: string;

  @Field(() => Channel, { description: 'The channel to switch to (one the registry accepts).' })
  channel!: Channel;

  @Field(() => String, { description: 'Why (1–500 characters).' })
  reason!: string;

  @Field(() => PeriodScalar, { description: 'The period from which the institution would like to switch (not TOTAAL).' })
  desiredPeriod!: Period;
}

@InputType({ description: "The hub's decision on a channel switch request." })
export class DecideChannelSwitchInput {
  @Field(() => ID, { description: 'The request.' })
  id!: string;

  @Field(() => ChannelSwitchDecision, { description: 'Approve or decline.' })
  decision!: ChannelSwitchDecision;

  @Field(() => PeriodScalar, {
    nullable: true,
    description: 'When approving: the period from which the channel changes (default: the desired period; not TOTAAL).',
  })
  effectivePeriod?: Period | null;

  @Field(() => String, { nullable: true, description: 'A note for the institution (at most 500 characters).' })
  note?: string | null;
}
