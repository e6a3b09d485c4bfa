import type { AuditEventFilterInput, AuditEventType, AuditOutcome } from '../../graphql/generated/graphql';
import { parseLocalDate } from '../../i18n';
import { auditActionsNl } from './i18n/audit-actions.nl';

export const auditEventTypes: AuditEventType[] = [
  'LOGIN',
  'LOGIN_FAILURE',
  'LOGOUT',
  'SESSION_EXPIRED',
  'AUTHORISATION_FAILURE',
  'REFUSAL',
  'CREATE',
  'UPDATE',
  'DELETE',
  'READ',
  'SEARCH',
  'EXPORT',
];

export const auditOutcomes: AuditOutcome[] = ['SUCCESS', 'REFUSED', 'FAILURE'];

/** Every action with a label, for the action filter. */
export const auditActions = Object.keys(auditActionsNl) as (keyof typeof auditActionsNl)[];

/** A person or object picked from the table to filter on, with its name for the filter bar. */
export interface AuditPick {
  id: string;
  label: string;
}

/** What the filter form holds: calendar days as `YYYY-MM-DD`, as the date picker gives them. */
export interface AuditFilterForm {
  event: AuditEventType | null;
  outcome: AuditOutcome | null;
  action: string | null;
  institutionCode: string;
  days: [string, string] | null;
  actor: AuditPick | null;
  object: (AuditPick & { type: string }) | null;
}

export const emptyAuditFilter = (): AuditFilterForm => ({
  event: null,
  outcome: null,
  action: null,
  institutionCode: '',
  days: null,
  actor: null,
  object: null,
});

/**
 * The server filters on UTC moments, `to` exclusive; users pick whole days in their own time zone:
 * from the first day's local midnight up to the midnight after the last day.
 */
export function toAuditEventFilter(form: AuditFilterForm): AuditEventFilterInput {
  const filter: AuditEventFilterInput = {};
  if (form.event) filter.event = form.event;
  if (form.outcome) filter.outcome = form.outcome;
  if (form.action) filter.action = form.action;
  if (form.actor) filter.actorUserId = form.actor.id;
  if (form.object) {
    filter.objectType = form.object.type;
    filter.objectId = form.object.id;
  }
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

/**
 * An action's key in the catalogue: access refusals are logged as `Query.x` / `Mutation.x`, the
 * rest under the operation's or action's own name. Null for an action without a label.
 */
export function auditActionKey(action: string): keyof typeof auditActionsNl | null {
  const name = action.replace(/^(Query|Mutation)\./, '');
  return name in auditActionsNl ? (name as keyof typeof auditActionsNl) : null;
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
