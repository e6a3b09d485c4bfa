import type { InstitutionType } from '../../graphql/generated/graphql';

/** Every institution type, in the order the forms offer them. */
export const INSTITUTION_TYPES: InstitutionType[] = ['UMC', 'GENERAL', 'CATEGORICAL', 'INDEPENDENT_TREATMENT_CENTRE', 'OTHER'];

/** A calendar day (`YYYY-MM-DD`) as a Date at noon, so no time zone moves it to another day. */
export const calendarDay = (value: string): Date => new Date(`${value}T12:00:00`);
