/** The GraphQL of the issue 6 benchmark, shared by overviews.ts and explain-overviews.ts. */
export const AS_OF = '2027-01-15';

export const OVERVIEW = `query ($code: String!, $asOf: Date) { deliveryOverview(institutionCode: $code, asOf: $asOf) {
  missing { totalCount nodes { period deadline registry { code } subDelivery { code } } }
  upcoming { totalCount nodes { period deadline registry { code } subDelivery { code } } }
  rejected { totalCount nodes { period status deliveryDate registry { code } subDelivery { code } } } } }`;

export const COMPLETENESS = `query ($asOf: Date, $groupBy: [CompletenessDimension!], $filter: CompletenessFilterInput) {
  completeness(asOf: $asOf, groupBy: $groupBy, filter: $filter) { expected delivered onTime late missing rate onTimeRate registry { code } institution { code } period } }`;

/** The heat map as the console asks it since issue 17 (CompletenessHeatMap.vue's selection): one matrix of scalar lists. */
export const COMPLETENESS_MATRIX = `query ($asOf: Date, $filter: CompletenessFilterInput) {
  completenessMatrix(asOf: $asOf, filter: $filter) { institutions { code name } periods periodEnds expected delivered states } }`;

/** A monthly stream (BN05 S1): 100 institutions × the months 2024M01–2026M10 whose deadline passed by AS_OF. */
export const HEAT_MAP_FILTER = { registry: 'BN05', subDelivery: 'S1' };
