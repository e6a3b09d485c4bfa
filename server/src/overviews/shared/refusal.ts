import { Field, ObjectType } from 'type-graphql';
import { ErrorResult } from '../../access/auth.types';
import { fillIn, type Language } from '../../shared/messages';

/** This module's refusals, Dutch first (kept beside the module, as the API-wide ones are in shared/messages.ts); `{name}` is filled in from the parameters. */
const MESSAGES = {
  UNKNOWN_INSTITUTION: { nl: 'Instelling {code} bestaat niet.', en: 'Institution {code} does not exist.' },
  UNKNOWN_STREAM: { nl: 'Aanleverstroom {registry} {subDelivery} bestaat niet.', en: 'Stream {registry} {subDelivery} does not exist.' },
  NOT_SCHEDULED: {
    nl: 'Periode {period} past niet bij een schema van {subDelivery} ({frequencies}).',
    en: 'Period {period} does not match a schedule of {subDelivery} ({frequencies}).',
  },
  TOTAL_YEAR_REQUIRED: { nl: 'Geef bij TOTAAL het jaar dat de aanlevering dekt.', en: 'For TOTAAL, give the year the delivery covers.' },
  DEADLINE_OR_EXEMPT: { nl: 'Geef een nieuwe deadline of een vrijstelling, niet allebei.', en: 'Give either a new deadline or an exemption, not both.' },
  REASON_REQUIRED: { nl: 'Geef een reden (1 tot 500 tekens).', en: 'Give a reason (1 to 500 characters).' },
  END_BEFORE_START: { nl: 'De eindperiode ligt voor de startperiode.', en: 'The end period lies before the start period.' },
  NO_TOTAL_PERIOD: { nl: 'Start- en eindperiode kunnen geen TOTAAL zijn.', en: 'Start and end period cannot be TOTAAL.' },
  CHANNEL_NOT_ACCEPTED: { nl: 'Registratie {registry} accepteert kanaal {channel} niet.', en: 'Registry {registry} does not accept channel {channel}.' },
  NOT_FOUND: { nl: '{object} niet gevonden.', en: '{object} not found.' },
} as const;

export type OverviewMessage = keyof typeof MESSAGES;

@ObjectType({ implements: ErrorResult, description: 'A change to schedules, participations, deadlines or reminders that was refused.' })
export class OverviewRefusal extends ErrorResult {
  @Field(() => String, { nullable: true, description: 'The input field that is wrong, when one is.' })
  field?: string | null;
}

export function overviewRefusal(language: Language, code: OverviewMessage, params: Record<string, string> = {}, field?: string): OverviewRefusal {
  const message = fillIn(MESSAGES[code][language], params);
  return Object.assign(new OverviewRefusal(), { code, message, field: field ?? null });
}
