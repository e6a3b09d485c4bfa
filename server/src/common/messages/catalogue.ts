import type { nl } from './nl';

/**
 * The shape every language's catalogue has: the Dutch one's keys, every value a string template.
 * `en: Catalogue` makes a missing or extra key a compile error.
 */
export type Catalogue = typeof nl;
