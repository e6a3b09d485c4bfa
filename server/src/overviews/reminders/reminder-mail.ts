import type { Mail } from '../../mail/mailer';
import { fillIn, type Language, languageOf, messages } from '../../common/messages';
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

function uploadLink(publicUrl: string, item: ReminderItem): string {
  const query = new URLSearchParams({ registry: item.registryCode, subDelivery: item.subDeliveryCode, period: item.period });
  return `${publicUrl}/aanleveren?${query.toString()}`;
}

function line(language: Language, item: ReminderItem, publicUrl: string): string {
  const what = `${item.registryCode} ${item.subDeliveryCode} ${item.period} (${item.institutionName}, ${item.institutionCode})`;
  const text = messages(language).mail.reminder;
  const when = fillIn(item.kind === ReminderKind.OVERDUE ? text.overdue : text.due, { deadline: item.deadline });
  return `- ${what}: ${when}\n  ${uploadLink(publicUrl, item)}`;
}

/** One digest per user per day: every reminder due for them today, in their language. */
export function reminderDigestMail(user: { email: string; language: string }, items: ReminderItem[], publicUrl: string): Mail {
  const language = languageOf(user.language);
  const lines = items.map((item) => line(language, item, publicUrl)).join('\n');
  const text = messages(language).mail;
  return {
    to: user.email,
    subject: text.reminder.subject,
    text: fillIn(text.reminder.text, { lines, optOutLink: `${publicUrl}/overzicht#herinneringen` }) + text.signature,
  };
}
