import { fillIn, type Language, messages } from '../common/messages';
import type { GoLiveState } from './readiness';

/** What a participation still lacks for go-live, in the reader's language (refusal and checklist alike). */
export function goLiveMissing(language: Language, state: GoLiveState): string[] {
  const words = messages(language).participation.missing;
  const missing: string[] = [];
  if (!state.inTesting) missing.push(words.IN_TESTING);
  for (const account of state.missingAccounts) missing.push(words[account]);
  if (!state.requiredVersion) missing.push(words.REQUIRED_VERSION);
  else if (state.cleanTestDeliveries < state.minCleanTestDeliveries)
    missing.push(fillIn(words.CLEAN_TEST_DELIVERIES, { min: state.minCleanTestDeliveries, version: state.requiredVersion, count: state.cleanTestDeliveries }));
  return missing;
}
