import { useI18n } from 'vue-i18n';
import type { AuditEventsQuery } from '../../graphql/generated/graphql';
import { auditActionKey } from './audit';

type Entry = AuditEventsQuery['auditEvents']['nodes'][number];
type ActorRole = Entry['actorRoleList'][number];

const ROLES = new Set(['HUB_STAFF', 'LOCAL_ADMIN', 'SUBMITTER', 'VIEWER', 'PROCESSOR', 'REQUESTER']);

/**
 * The audit log for people, in the console's language: actions, object kinds, outcomes' details,
 * roles with their institution ("Aanleveraar, Maasdal Medisch Centrum · CAT"), channels. What has
 * no label shows as the server wrote it; the raw value is always in the element's title.
 */
export function useAuditLabels() {
  const { t, te } = useI18n();

  const actionLabel = (action: string): string => {
    const key = auditActionKey(action);
    return key ? t(`auditAction.${key}`) : action;
  };

  const objectTypeLabel = (type: string): string => (te(`audit.object.${type}`) ? t(`audit.object.${type}`) : type);

  const roleName = (role: string): string => (ROLES.has(role) ? t(`enums.role.${role}`) : role);

  const roleText = (role: ActorRole): string => {
    const where = [role.institutionName ?? role.institutionCode, role.scopeNames.join(', ')].filter(Boolean);
    return [roleName(role.role), ...where].join(', ');
  };

  /** The detail: a refusal's message, a known code, a role, or a few patterns; otherwise as written. */
  const detailText = (entry: Pick<Entry, 'detail' | 'refusalMessage'>): string | null => {
    const detail = entry.detail;
    if (!detail) return null;
    if (entry.refusalMessage) return entry.refusalMessage;
    if (te(`audit.detail.${detail}`)) return t(`audit.detail.${detail}`);
    if (ROLES.has(detail)) return roleName(detail);
    const needs = /^NEEDS (.+)$/.exec(detail);
    if (needs?.[1]) return t('audit.detail.needs', { roles: needs[1].split('|').map(roleName).join(' / ') });
    const ended = /^OTHER_SESSIONS_ENDED:(\d+)$/.exec(detail);
    if (ended) return t('audit.detail.otherSessionsEnded', { count: ended[1] });
    const counted = /^(\d+) (rows|users)$/.exec(detail);
    if (counted?.[2]) return t(`audit.detail.${counted[2]}`, { count: counted[1] });
    return detail;
  };

  const channelLabel = (channel: string): string => {
    const kind = channel.split(':')[0] ?? channel;
    return te(`audit.channel.${kind}`) ? t(`audit.channel.${kind}`) : channel;
  };

  return { actionLabel, objectTypeLabel, roleText, detailText, channelLabel };
}
