import type { AppServices } from '../../kernel/services';
import { parseIsoDate, todayInAmsterdam } from '../../shared/calendar';
import { sendDueReminders } from './reminders.service';

/** `pnpm cli reminders [--as-of YYYY-MM-DD]`: sends the reminders due on that day (default today in Amsterdam). Exit 64 for a bad date. */
export async function remindersCommand(services: AppServices, args: string[], out: NodeJS.WritableStream): Promise<number> {
  const index = args.indexOf('--as-of');
  const asOf = index >= 0 ? args[index + 1] : todayInAmsterdam(services.clock.now());
  if (!asOf || parseIsoDate(asOf) === null) {
    out.write('usage: pnpm cli reminders [--as-of YYYY-MM-DD]\n');
    return 64;
  }
  const run = await sendDueReminders(services, asOf);
  out.write(`reminders for ${asOf}: ${run.digests} digest mail(s) with ${run.reminders} reminder(s)\n`);
  return 0;
}
