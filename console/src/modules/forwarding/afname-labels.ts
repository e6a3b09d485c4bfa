import type { AfnameAuthorisationsQuery } from '../../graphql/generated/graphql';

export type AfnameAuthorisation = AfnameAuthorisationsQuery['authorisations']['nodes'][number];

/** Registry, or registry/sub-delivery, as the link names its stream. */
export { streamLabel as streamOf } from '../authorisations/stream-label';

/** The period range of an authorisation; an open end shows as an ellipsis. */
export function periodsOf(authorisation: { fromPeriod?: string | null; toPeriod?: string | null }): string {
  return `${authorisation.fromPeriod ?? '…'} – ${authorisation.toPeriod ?? '…'}`;
}

/** The forwarding endpoint of an authorisation: every current record it covers. */
export function downloadHref(authorisationId: string, format: 'csv' | 'ndjson'): string {
  return `/api/forwarding/${encodeURIComponent(authorisationId)}/records.${format}`;
}
