import type { CheckDefinition, FieldCondition as FieldConditionData, ResolvedDictionary } from '@datahub/validation';
import type { Dictionary, DictionaryCheck, FieldCondition } from './dictionary.types';

function condition(value: FieldConditionData | undefined): FieldCondition | null {
  if (!value) return null;
  return 'equals' in value ? { field: value.field, equals: value.equals, filled: null } : { field: value.field, equals: null, filled: true };
}

function check(definition: CheckDefinition, common: boolean): DictionaryCheck {
  return { code: definition.code, class: definition.class, description: definition.description, message: definition.message, common };
}

/** The resolved dictionary as the GraphQL `Dictionary` type. */
export function toDictionaryView(dictionary: ResolvedDictionary): Dictionary {
  return {
    id: `${dictionary.registry}/${dictionary.subDelivery}/${dictionary.version}`,
    registry: dictionary.registry,
    subDelivery: dictionary.subDelivery,
    version: dictionary.version,
    title: dictionary.title,
    source: dictionary.source,
    formats: dictionary.formats,
    xml: dictionary.xml ? { rootElement: dictionary.xml.rootElement, recordElement: dictionary.xml.recordElement } : null,
    primaryKey: dictionary.primaryKey,
    reportKey: dictionary.reportKey,
    fields: dictionary.fields.map((field) => ({
      ...field,
      requiredWhen: condition(field.requiredWhen),
      emptyWhen: condition(field.emptyWhen),
    })),
    referenceTables: dictionary.referenceTables,
    checks: [...dictionary.common.checks.map((definition) => check(definition, true)), ...dictionary.checks.map((definition) => check(definition, false))],
  };
}
