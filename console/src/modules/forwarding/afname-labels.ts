import type { AfnameAuthorisationsQuery } from '../../graphql/generated/graphql';

export type AfnameAuthorisation = AfnameAuthorisationsQuery['authorisations']['nodes'][number];

/** Registry, or registry/sub-delivery, as the link names its stream. */
export function streamOf(link: { registry: { code: string }; subDelivery?: { code: string } | null }): string {
  return link.subDelivery ? `${link.registry.code}/${link.subDelivery.code}` : link.registry.code;
}

/** The period range of an authorisation; an open end shows as an ellipsis. */
export function periodsOf(authorisation: { fromPeriod?: string | null; toPeriod?: string | null }): string {
  return `${authorisation.fromPeriod ?? '…'} – ${authorisation.toPeriod ?? '…'}`;
}

/** The forwarding endpoint of an authorisation: every current record it covers. */
export function downloadHref(authorisationId: string, format: 'csv' | 'ndjson'): string {
  return `/api/forwarding/${encodeURIComponent(authorisationId)}/records.${format}`;
}
