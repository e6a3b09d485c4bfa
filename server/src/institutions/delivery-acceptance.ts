import type { Language } from '../common/messages';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import type { InstitutionUnit } from './institution-unit.entity';
import type { Institution } from './institution.entity';

/**
 * Whether an institution and its unit take a delivery: deliveries/delivery-target.ts asks this at
 * upload and at the file-name check, before a byte of the file is read. Null: accepted.
 *
 * - A deactivated institution takes none. (Its people's roles stop working at deactivation, so they
 *   are refused earlier as FORBIDDEN; this holds whoever else asks.)
 * - A unit closed from a date takes none with a delivery date (aanleverdatum, Europe/Amsterdam) on
 *   or after that date; deliveries before it stay as they are.
 */
export function deliveryAcceptance(language: Language, institution: Institution, unit: InstitutionUnit, deliveryDate: string): Refused | null {
  if (!institution.active) {
    return refuse(language, RefusalCode.INSTITUTION_INACTIVE, { params: { name: institution.name, code: institution.code }, field: 'institutionCode' });
  }
  if (unit.closedFrom && unit.closedFrom <= deliveryDate) {
    return refuse(language, RefusalCode.UNIT_CLOSED, {
      params: { unit: unit.number, name: unit.name, code: institution.code, date: unit.closedFrom },
      field: 'unit',
    });
  }
  return null;
}
