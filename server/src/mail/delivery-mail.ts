import { fillIn, languageOf, messages } from '../common/messages';
import type { Mail } from './mailer';

/** When processing ends: the outcome and a link, never any data from the file. */
export function deliveryProcessedMail(
  user: { email: string; language: string },
  delivery: { status: string; registry: string; period: string },
  link: string,
): Mail {
  const catalogue = messages(languageOf(user.language));
  const statuses: Record<string, string> = catalogue.deliveryStatus;
  const params = { registry: delivery.registry, period: delivery.period, status: statuses[delivery.status] ?? delivery.status, link };
  const text = catalogue.mail;
  return { to: user.email, subject: fillIn(text.deliveryProcessed.subject, params), text: fillIn(text.deliveryProcessed.text, params) + text.signature };
}
