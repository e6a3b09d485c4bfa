import { type Language, messages } from '../common/messages';
import type { Channel } from '../registries/channel';

/** A channel as people read it in a refusal, with its code: "Invoerportaal (ENTRY_PORTAL)". */
export function channelName(language: Language, channel: Channel): string {
  return `${messages(language).channel[channel]} (${channel})`;
}
