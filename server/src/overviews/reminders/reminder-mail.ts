import type { Mail } from '../../mail/mailer';
import { ReminderKind } from './reminder.entities';

export interface ReminderItem {
  kind: ReminderKind;
  institutionCode: string;
  institutionName: string;
  registryCode: string;
  subDeliveryCode: string;
  period: string;
  deadline: string;
}

const SIGNATURE = { nl: '\n\nRegistratie Datahub', en: '\n\nRegistry Data Hub' };

function uploadLink(publicUrl: string, item: ReminderItem): string {
  const query = new URLSearchParams({ registry: item.registryCode, subDelivery: item.subDeliveryCode, period: item.period });
  return `${publicUrl}/aanleveren?${query.toString()}`;
}

function line(language: 'nl' | 'en', item: ReminderItem, publicUrl: string): string {
  const what = `${item.registryCode} ${item.subDeliveryCode} ${item.period} (${item.institutionName}, ${item.institutionCode})`;
  const when =
    item.kind === ReminderKind.OVERDUE
      ? language === 'nl' ? `de deadline ${item.deadline} is verstreken` : `the deadline ${item.deadline} has passed`
      : language === 'nl' ? `deadline ${item.deadline}` : `deadline ${item.deadline}`;
  return `- ${what}: ${when}\n  ${uploadLink(publicUrl, item)}`;
}

/** One digest per user per day: every reminder due for them today, in their language. */
export function reminderDigestMail(user: { email: string; language: string }, items: ReminderItem[], publicUrl: string): Mail {
  const language = user.language === 'en' ? 'en' : 'nl';
  const lines = items.map((item) => line(language, item, publicUrl)).join('\n');
  const optOut = `${publicUrl}/overzicht#herinneringen`;
  return {
    to: user.email,
    subject: language === 'nl' ? 'Herinnering: verwachte aanleveringen' : 'Reminder: expected deliveries',
    text:
      (language === 'nl'
        ? `Voor deze aanleveringen nadert de deadline of is die verstreken, en er is nog niets aangeleverd:\n\n${lines}\n\nGeen herinneringen meer voor een registratie? Zet ze uit via ${optOut}`
        : `These deliveries are due soon or overdue, and nothing has been delivered yet:\n\n${lines}\n\nNo more reminders for a registry? Turn them off at ${optOut}`) +
      SIGNATURE[language],
  };
}
