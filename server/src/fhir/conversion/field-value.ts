/**
 * A field's FHIRPath result as the text of one CSV cell: the first item, as FHIR writes it, then the
 * mapping's code conversion, unit conversion and, for a date field, the date part of a dateTime.
 */
import type { TypedValue } from '@medplum/core';
import type { FhirFieldMapping, FieldDefinition } from '@datahub/validation';

interface QuantityLike {
  value?: number;
  code?: string;
  unit?: string;
}

function text(item: TypedValue): string {
  const value: unknown = item.value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (item.type === 'Coding') return (value as { code?: string }).code ?? '';
  return '';
}

function decimals(field: FieldDefinition): number | undefined {
  return field.constraints?.decimals;
}

/** A Quantity converted by its unit's rule and written with the field's decimals; an unknown unit gives `?unit` (the engine then reports the value). */
function quantity(value: QuantityLike, mapping: FhirFieldMapping, field: FieldDefinition): string {
  if (typeof value.value !== 'number') return '';
  const unit = value.code ?? value.unit ?? '';
  const rule = mapping.units?.[unit];
  if (!rule) return `?${unit}`;
  const number = rule.logMarToDecimal ? Math.pow(10, -value.value) : value.value * (rule.factor ?? 1);
  const places = decimals(field);
  return places === undefined ? String(number) : number.toFixed(places);
}

export function cellValue(items: readonly TypedValue[], mapping: FhirFieldMapping, field: FieldDefinition): string {
  const first = items[0];
  if (!first) return '';
  let value = mapping.units && first.type === 'Quantity' ? quantity(first.value as QuantityLike, mapping, field) : text(first);
  if (value === '') return '';
  if (mapping.codes) {
    value = Object.hasOwn(mapping.codes, value) ? mapping.codes[value]! : (mapping.otherwise ?? value);
  }
  if (field.type === 'date' && value.length > 10 && value[10] === 'T') value = value.slice(0, 10);
  return value;
}
