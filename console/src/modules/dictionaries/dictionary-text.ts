import { useI18n } from 'vue-i18n';
import type { RouteLocationRaw } from 'vue-router';
import type { DictionaryFieldFieldsFragment } from '../../graphql/generated/graphql';
import { isLocale } from '../../i18n';

/** A text in both languages, as the dictionaries carry them. */
export interface LocalizedText {
  nl: string;
  en: string;
}

type Field = DictionaryFieldFieldsFragment;
type Condition = NonNullable<Field['requiredWhen']>;

/** Picks the console's language from a dictionary's nl/en text (Dutch when the locale is unknown). */
export function useLocalized(): (text: LocalizedText | null | undefined) => string {
  const { locale } = useI18n();
  return (text) => {
    if (!text) return '';
    return isLocale(locale.value) ? text[locale.value] : text.nl;
  };
}

/** The viewer's page of one dictionary, from `REGISTRY/SubDelivery/version`. */
export function dictionaryLocation(id: string): RouteLocationRaw {
  const [registry = '', subDelivery = '', version = ''] = id.split('/');
  return { name: 'dictionary', params: { registry, subDelivery, version } };
}

/** Required, conditionally required and must-be-empty, in words (several lines when they combine). */
export function useFieldTexts() {
  const { t, n } = useI18n();
  // Limits are often years (1900–2100): no thousands separator.
  const num = (value: number): string => n(value, { useGrouping: false, maximumFractionDigits: 10 });

  function condition(kind: 'requiredWhen' | 'emptyWhen', when: Condition): string {
    return when.equals != null
      ? t(`dictionaries.requirement.${kind}Equals`, { field: when.field, value: when.equals })
      : t(`dictionaries.requirement.${kind}Filled`, { field: when.field });
  }

  function requirement(field: Field): string[] {
    const lines: string[] = [];
    if (field.required) lines.push(t('dictionaries.requirement.always'));
    if (field.requiredWhen) lines.push(condition('requiredWhen', field.requiredWhen));
    if (field.emptyWhen) lines.push(condition('emptyWhen', field.emptyWhen));
    if (lines.length === 0) lines.push(t('dictionaries.requirement.optional'));
    return lines;
  }

  /** Length, pattern, limits and decimals, one phrase each. */
  function limits(field: Field): string[] {
    const c = field.constraints;
    if (!c) return [];
    const parts: string[] = [];
    const { minLength: min, maxLength: max } = c;
    if (min != null && max != null) {
      parts.push(min === max ? t('dictionaries.constraint.exactLength', { n: min }) : t('dictionaries.constraint.length', { min, max }));
    } else if (min != null) parts.push(t('dictionaries.constraint.minLength', { n: min }));
    else if (max != null) parts.push(t('dictionaries.constraint.maxLength', { n: max }));
    if (c.minimum != null && c.maximum != null) {
      parts.push(t('dictionaries.constraint.range', { min: num(c.minimum), max: num(c.maximum) }));
    } else if (c.minimum != null) parts.push(t('dictionaries.constraint.minimum', { n: num(c.minimum) }));
    else if (c.maximum != null) parts.push(t('dictionaries.constraint.maximum', { n: num(c.maximum) }));
    if (c.decimals != null) parts.push(t('dictionaries.constraint.decimals', { n: c.decimals }));
    if (c.notAfterDeliveryDate) parts.push(t('dictionaries.constraint.notAfterDeliveryDate'));
    return parts;
  }

  return { requirement, limits };
}
