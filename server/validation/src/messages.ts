/**
 * Report line texts, rendered from the dictionary's templates in Dutch or English (docs/registries/README.md#report-lines:
 * "Codes come from the spec, words from templates"). A finding stores code and parameters only;
 * its text is made here, when it is shown. Identifying values were masked before the finding
 * existed, so nothing here can print them.
 */
import type { Language, LocalizedText, ResolvedDictionary } from './dictionary-types';
import { defaultFormatDescription } from './field-values';
import type { Finding, ParamValue } from './findings';

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/;

/**
 * A template split once at its placeholders: text at even indices, placeholder names at odd ones
 * (split with a capturing group cuts where a global replace would match). A report of many
 * findings renders the same few templates again and again.
 */
type Parts = readonly string[];

const split = (template: string): Parts => template.split(PLACEHOLDER);

/** Own keys of a dictionary record (variants, details) with their split templates in one language. */
function splitAll(record: Readonly<Record<string, LocalizedText>> | undefined, language: Language): Map<string, Parts> | null {
  if (record === undefined) return null;
  const parts = new Map<string, Parts>();
  for (const key of Object.keys(record)) parts.set(key, split(record[key]![language]));
  return parts;
}

interface CompiledCheck {
  message: Parts;
  variants: Map<string, Parts> | null;
  details: Map<string, Parts> | null;
}

interface FieldTexts {
  type: string;
  format: string;
}

function own(params: Finding['params'], key: string): ParamValue | undefined {
  return Object.prototype.hasOwnProperty.call(params, key) ? params[key] : undefined;
}

/**
 * The message texts of one dictionary in one language, compiled once: every template split, the
 * field's type and format words looked up in advance. Rendering a finding then walks the parts of
 * its template with no closure, regular expression or intermediate object per finding (a report of
 * a first delivery may have hundreds of thousands of lines).
 */
export class MessageRenderer {
  private readonly checks = new Map<string, CompiledCheck>();
  private readonly fields = new Map<string, FieldTexts>();
  private readonly conditionFilled: Parts;
  private readonly conditionEquals: Parts;

  constructor(dictionary: ResolvedDictionary, language: Language) {
    for (const check of [...dictionary.common.checks, ...dictionary.checks]) {
      this.checks.set(check.code, {
        message: split(check.message[language]),
        variants: splitAll(check.variants, language),
        details: splitAll(check.details, language),
      });
    }
    const { typeLabels, conditionPhrases } = dictionary.common;
    for (const field of dictionary.fields) {
      this.fields.set(field.name, { type: typeLabels[field.type][language], format: (field.formatDescription ?? defaultFormatDescription(field))[language] });
    }
    this.conditionFilled = split(conditionPhrases.filled[language]);
    this.conditionEquals = split(conditionPhrases.equals[language]);
  }

  render(finding: Finding): string {
    const check = this.checks.get(finding.code);
    if (check === undefined) return finding.code;
    // The template a finding uses: its variant when it names one, else the check's message.
    const variant = finding.params['variant'];
    const parts = (typeof variant === 'string' && check.variants?.get(variant)) || check.message;
    return this.fill(parts, finding, check);
  }

  private fill(parts: Parts, finding: Finding, check: CompiledCheck): string {
    let text = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      text += (this.value(name, finding, check) ?? `{${name}}`) + parts[i + 1]!;
    }
    return text;
  }

  private value(name: string, finding: Finding, check: CompiledCheck): string | undefined {
    const params = finding.params;
    switch (name) {
      case 'field':
        return finding.field ?? undefined;
      case 'type':
        return finding.field === null ? undefined : this.fields.get(finding.field)?.type;
      case 'format':
        return finding.field === null ? undefined : this.fields.get(finding.field)?.format;
      case 'detail': {
        const key = params['detail'];
        const detail = typeof key === 'string' ? check.details?.get(key) : undefined;
        return detail === undefined ? undefined : this.fill(detail, finding, check);
      }
      case 'condition':
        if (params['conditionField'] === undefined) return undefined;
        return this.fill(params['conditionKind'] === 'filled' ? this.conditionFilled : this.conditionEquals, finding, check);
      default: {
        const param = own(params, name);
        return param === undefined ? undefined : String(param);
      }
    }
  }
}

const renderers = new WeakMap<ResolvedDictionary, Partial<Record<Language, MessageRenderer>>>();

/** The renderer of a dictionary in a language, compiled on first use and kept with the dictionary. */
export function messageRenderer(dictionary: ResolvedDictionary, language: Language): MessageRenderer {
  let byLanguage = renderers.get(dictionary);
  if (byLanguage === undefined) {
    byLanguage = {};
    renderers.set(dictionary, byLanguage);
  }
  return (byLanguage[language] ??= new MessageRenderer(dictionary, language));
}

export function renderFindingMessage(finding: Finding, dictionary: ResolvedDictionary, language: Language): string {
  return messageRenderer(dictionary, language).render(finding);
}
