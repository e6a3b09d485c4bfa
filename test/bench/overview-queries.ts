/** The GraphQL of the issue 6 benchmark, shared by overviews.ts and explain-overviews.ts. */
export const AS_OF = '2027-01-15';

export const OVERVIEW = `query ($code: String!, $asOf: Date) { deliveryOverview(institutionCode: $code, asOf: $asOf) {
  missing { totalCount nodes { period deadline registry { code } subDelivery { code } } }
  upcoming { totalCount nodes { period deadline registry { code } subDelivery { code } } }
  rejected { totalCount nodes { period status deliveryDate registry { code } subDelivery { code } } } } }`;

export const COMPLETENESS = `query ($asOf: Date, $groupBy: [CompletenessDimension!], $filter: CompletenessFilterInput) {
  completeness(asOf: $asOf, groupBy: $groupBy, filter: $filter) { expected delivered onTime late missing rate onTimeRate registry { code } institution { code } period } }`;
