/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Delivery channel (kanaal). */
export type Channel =
  /** Manual entry per patient (Invoerportaal); cataract only. */
  | 'ENTRY_PORTAL'
  /** FHIR submission from the hospital system. */
  | 'FHIR'
  /** File upload (CSV/XML) in the web portal (Webportaal). */
  | 'PORTAL';

/** How a period's deadline is found. */
export type DeadlineRuleKind =
  /** A day in the month `monthsAfterPeriodEnd` months after the month the period ends in (CAT, PMICD). */
  | 'AFTER_PERIOD_END'
  /** A fixed day and month in the period's year plus `yearsAfterPeriodYear` (MMY). */
  | 'FIXED_DATE';

/** Life cycle of a dictionary version. */
export type DictionaryStatus =
  /** Deliveries may follow it. */
  | 'ACTIVE'
  /** Being prepared; deliveries against it are refused. */
  | 'DRAFT'
  /** No longer accepted for new deliveries. */
  | 'RETIRED';

/** Length of a delivery period; as a sub-delivery's frequency, the minimum (delivering more often is allowed). */
export type Frequency =
  /** Half-yearly (`2026H1`). */
  | 'HALF_YEAR'
  /** Monthly (`2026M03`). */
  | 'MONTH'
  /** Quarterly (`2026K1`). */
  | 'QUARTER'
  /** Everything so far (`TOTAAL`). */
  | 'TOTAL'
  /** Yearly (`2026`). */
  | 'YEAR';

/** Kind of institution. */
export type InstitutionType =
  /** Categorical institution (categorale instelling), e.g. an eye or cancer hospital. */
  | 'CATEGORICAL'
  /** General hospital (algemeen ziekenhuis). */
  | 'GENERAL'
  /** University medical centre (umc). */
  | 'UMC';

export type RegistryFieldsFragment = { id: string, code: string, name: string, holder: string, acceptedChannels: Array<Channel>, producesInformationProduct: boolean, subDeliveries: Array<{ id: string, code: string, name: string, frequency: Frequency, deadlineRule: { kind: DeadlineRuleKind, monthsAfterPeriodEnd: number | null, day: number | null, lastDayOfMonth: boolean, yearsAfterPeriodYear: number | null, month: number | null }, dictionaryVersions: Array<{ id: string, version: string, status: DictionaryStatus, validFrom: string, validTo: string | null }> }> };

export type SubDeliveryFieldsFragment = { id: string, code: string, name: string, frequency: Frequency, deadlineRule: { kind: DeadlineRuleKind, monthsAfterPeriodEnd: number | null, day: number | null, lastDayOfMonth: boolean, yearsAfterPeriodYear: number | null, month: number | null }, dictionaryVersions: Array<{ id: string, version: string, status: DictionaryStatus, validFrom: string, validTo: string | null }> };

export type InstitutionFieldsFragment = { id: string, code: string, name: string, type: InstitutionType, active: boolean, units: Array<{ number: number, name: string }> };

export type RegistriesPageQueryVariables = Exact<{ [key: string]: never; }>;


export type RegistriesPageQuery = { registries: Array<{ id: string, code: string, name: string, holder: string, acceptedChannels: Array<Channel>, producesInformationProduct: boolean, subDeliveries: Array<{ id: string, code: string, name: string, frequency: Frequency, deadlineRule: { kind: DeadlineRuleKind, monthsAfterPeriodEnd: number | null, day: number | null, lastDayOfMonth: boolean, yearsAfterPeriodYear: number | null, month: number | null }, dictionaryVersions: Array<{ id: string, version: string, status: DictionaryStatus, validFrom: string, validTo: string | null }> }> }>, institutions: Array<{ id: string, code: string, name: string, type: InstitutionType, active: boolean, units: Array<{ number: number, name: string }> }> };

export const SubDeliveryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SubDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"monthsAfterPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"lastDayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"yearsAfterPeriodYear"}},{"kind":"Field","name":{"kind":"Name","value":"month"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dictionaryVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]}}]} as unknown as DocumentNode<SubDeliveryFieldsFragment, unknown>;
export const RegistryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RegistryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Registry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedChannels"}},{"kind":"Field","name":{"kind":"Name","value":"producesInformationProduct"}},{"kind":"Field","name":{"kind":"Name","value":"subDeliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubDeliveryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SubDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"monthsAfterPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"lastDayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"yearsAfterPeriodYear"}},{"kind":"Field","name":{"kind":"Name","value":"month"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dictionaryVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]}}]} as unknown as DocumentNode<RegistryFieldsFragment, unknown>;
export const InstitutionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Institution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<InstitutionFieldsFragment, unknown>;
export const RegistriesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegistriesPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RegistryFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"institutions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstitutionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SubDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"monthsAfterPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"lastDayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"yearsAfterPeriodYear"}},{"kind":"Field","name":{"kind":"Name","value":"month"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dictionaryVersions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RegistryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Registry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedChannels"}},{"kind":"Field","name":{"kind":"Name","value":"producesInformationProduct"}},{"kind":"Field","name":{"kind":"Name","value":"subDeliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubDeliveryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Institution"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RegistriesPageQuery, RegistriesPageQueryVariables>;