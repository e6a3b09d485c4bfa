import { i18n } from '../../i18n';
import { formatEuroCents } from './money';

/** Integer euro cents as euros in the console's current language. */
export function formatCents(cents: number): string {
  return formatEuroCents(cents, i18n.global.locale.value);
}
