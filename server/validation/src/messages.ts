/**
 * Report line texts, rendered from the dictionary's templates in Dutch or English (docs/registries/README.md#report-lines:
 * "Codes come from the spec, words from templates"). A finding stores code and parameters only;
 * its text is made here, when it is shown. Identifying values were masked before the finding
 * existed, so nothing here can print them.
 */
import type { CheckDefinition, FieldDefinition, Language, LocalizedText, ResolvedDictionary } from './dictionary-types';
import { defaultFormatDescription } from './field-values';
import type { Finding, ParamValue } from './findings';

interface MessageCatalogue {
  checks: Map<string, CheckDefinition>;
  fields: Map<string, FieldDefinition>;
}

const catalogues = new WeakMap<ResolvedDictionary, MessageCatalogue>();

function catalogueOf(dictionary: ResolvedDictionary): MessageCatalogue {
  let catalogue = catalogues.get(dictionary);
  if (!catalogue) {
    const checks = new Map<string, CheckDefinition>();
    for (const check of [...dictionary.common.checks, ...dictionary.checks]) checks.set(check.code, check);
    catalogue = { checks, fields: new Map(dictionary.fields.map((f) => [f.name, f])) };
    catalogues.set(dictionary, catalogue);
  }
  return catalogue;
}

function own<T>(record: Readonly<Record<string, T>> | undefined, key: ParamValue | undefined): T | undefined {
  if (record === undefined || typeof key !== 'string') return undefined;
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/;

/**
 * Templates split once at their placeholders: text at even indices, placeholder names at odd ones
 * (split with a capturing group cuts where a global replace would match). A report of many
 * findings renders the same few templates again and again; a regular expression run on each
 * rendering was about a third of the cost of a report line.
 */
const templateParts = new Map<string, readonly string[]>();

function fill(template: string, value: (name: string) => string | undefined): string {
  let parts = templateParts.get(template);
  if (parts === undefined) {
    parts = template.split(PLACEHOLDER);
    templateParts.set(template, parts);
  }
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    text += (value(name) ?? `{${name}}`) + parts[i + 1]!;
  }
  return text;
}

/** The template a finding uses: its variant when it names one, else the check's message. */
function templateOf(check: CheckDefinition, params: Finding['params']): LocalizedText {
  return own(check.variants, params['variant']) ?? check.message;
}

export function renderFindingMessage(finding: Finding, dictionary: ResolvedDictionary, language: Language): string {
  const { checks, fields } = catalogueOf(dictionary);
  const check = checks.get(finding.code);
  if (!check) return finding.code;
  const field = finding.field === null ? undefined : fields.get(finding.field);
  const { common } = dictionary;
  const params = finding.params;
  const value = (name: string): string | undefined => {
    switch (name) {
      case 'field':
        return finding.field ?? undefined;
      case 'type':
        return field ? common.typeLabels[field.type][language] : undefined;
      case 'format':
        return field ? (field.formatDescription ?? defaultFormatDescription(field))[language] : undefined;
      case 'detail': {
        const detail = own(check.details, params['detail']);
        return detail ? fill(detail[language], value) : undefined;
      }
      case 'condition': {
        const phrase = params['conditionKind'] === 'filled' ? common.conditionPhrases.filled : common.conditionPhrases.equals;
        return params['conditionField'] === undefined ? undefined : fill(phrase[language], value);
      }
      default: {
        const param = own(params, name);
        return param === undefined ? undefined : String(param);
      }
    }
  };
  return fill(templateOf(check, params)[language], value);
}
