import type { AuditEventFilterInput, AuditEventType } from '../../graphql/generated/graphql';
import { parseLocalDate } from '../../i18n';

export const auditEventTypes: AuditEventType[] = [
  'LOGIN',
  'LOGIN_FAILURE',
  'LOGOUT',
  'SESSION_EXPIRED',
  'AUTHORISATION_FAILURE',
  'CREATE',
  'UPDATE',
  'DELETE',
  'READ',
  'SEARCH',
  'EXPORT',
];

/** What the filter form holds: calendar days as `YYYY-MM-DD`, as the date picker gives them. */
export interface AuditFilterForm {
  event: AuditEventType | null;
  institutionCode: string;
  days: [string, string] | null;
}

export const emptyAuditFilter = (): AuditFilterForm => ({ event: null, institutionCode: '', days: null });

/**
 * The server filters on UTC moments, `to` exclusive; users pick whole days in their own time zone:
 * from the first day's local midnight up to the midnight after the last day.
 */
export function toAuditEventFilter(form: AuditFilterForm): AuditEventFilterInput {
  const filter: AuditEventFilterInput = {};
  if (form.event) filter.event = form.event;
  const code = form.institutionCode.trim();
  if (code) filter.institutionCode = code;
  if (form.days) {
    const [first, last] = form.days;
    const end = parseLocalDate(last);
    end.setDate(end.getDate() + 1);
    filter.from = parseLocalDate(first).toISOString();
    filter.to = end.toISOString();
  }
  return filter;
}

/** Saves text as a file through a Blob link; nothing leaves the browser. */
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
