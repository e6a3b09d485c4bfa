import type { AppServices } from '../../kernel/services';
import { parseIsoDate, todayInAmsterdam } from '../../common/calendar';
import { CliUsageError, parseCommandArgs } from '../../common/cli-args';
import { sendDueReminders } from './reminders.service';

/** `pnpm cli reminders [--as-of YYYY-MM-DD]`: sends the reminders due on that day (default today in Amsterdam). A bad date or option is a usage error. */
export async function remindersCommand(services: AppServices, args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseCommandArgs(args, { options: { 'as-of': { type: 'string' } } });
  const asOf = values['as-of'] ?? todayInAmsterdam(services.clock.now());
  if (parseIsoDate(asOf) === null) throw new CliUsageError(`--as-of ${asOf} is not a date (YYYY-MM-DD). Usage: pnpm cli reminders [--as-of YYYY-MM-DD]`);
  const run = await sendDueReminders(services, asOf);
  out.write(`reminders for ${asOf}: ${run.digests} digest mail(s) with ${run.reminders} reminder(s)\n`);
  return 0;
}
