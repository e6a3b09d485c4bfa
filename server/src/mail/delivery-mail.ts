import type { Mail } from './mailer';

const STATUS_TEXT: Record<string, { nl: string; en: string }> = {
  PROCESSED: { nl: 'Verwerkt', en: 'Processed' },
  PROCESSED_WITH_ERRORS: { nl: 'Verwerkt met fouten', en: 'Processed with errors' },
  REJECTED: { nl: 'Afgekeurd', en: 'Rejected' },
  FAILED: { nl: 'Mislukt (systeemfout)', en: 'Failed (system error)' },
};

/** When processing ends: the outcome and a link, never any data from the file. */
export function deliveryProcessedMail(user: { email: string; language: string }, delivery: { status: string; registry: string; period: string }, link: string): Mail {
  const l = user.language === 'en' ? 'en' : 'nl';
  const status = STATUS_TEXT[delivery.status]?.[l] ?? delivery.status;
  return {
    to: user.email,
    subject: l === 'nl' ? `Aanlevering ${delivery.registry} ${delivery.period}: ${status}` : `Delivery ${delivery.registry} ${delivery.period}: ${status}`,
    text:
      (l === 'nl'
        ? `De verwerking van uw aanlevering voor ${delivery.registry}, periode ${delivery.period}, is klaar: ${status}.\n\nBekijk het verslag: ${link}`
        : `Processing of your delivery for ${delivery.registry}, period ${delivery.period}, has finished: ${status}.\n\nSee the report: ${link}`) +
      (l === 'nl' ? '\n\nRegistratie Datahub' : '\n\nRegistry Data Hub'),
  };
}
