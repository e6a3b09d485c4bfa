import path from 'node:path';
import { expect } from 'chai';
import { en as serverEn } from '../../server/src/common/messages/en';
import { nl as serverNl } from '../../server/src/common/messages/nl';

type Catalogue = { app: { name: string } };
/**
 * The console's catalogues, loaded at run time: the console is an ES module package that the tests'
 * type check (CommonJS, node16 resolution) cannot follow; mocha's swc runs it all the same.
 */
const consoleCatalogue = (language: 'nl' | 'en'): Catalogue =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an import would be followed by the type check, which cannot read the console's ES modules
  (require(path.resolve(__dirname, `../../console/src/i18n/${language}.ts`)) as Record<'nl' | 'en', Catalogue>)[language];
const [consoleNl, consoleEn] = [consoleCatalogue('nl'), consoleCatalogue('en')];

/** Every text of a message catalogue with its key path (`deliveries.list.column.stream`); keys themselves are code, not wording. */
function texts(catalogue: unknown, path = ''): [string, string][] {
  if (typeof catalogue === 'string') return [[path, catalogue]];
  if (catalogue === null || typeof catalogue !== 'object') return [];
  return Object.entries(catalogue).flatMap(([key, value]) => texts(value, path ? `${path}.${key}` : key));
}

/**
 * One name for the product per language (nl "Registratie Datahub", short "de Datahub"; en "Registry
 * Data Hub", short "the Data Hub") and one word per concept: nl "registratie" (not "aanleverstroom"),
 * "datadictionary" (not "woordenboek" or "data dictionary"); en "registry" (not "stream"), "data dictionary".
 */
const BANNED: Record<'nl' | 'en', RegExp[]> = {
  nl: [/aanleverstro+m/i, /\bstro+m(en)?\b/i, /woordenboek/i, /data[ -]dictionar/i, /Registry Data Hub/i, /Data Hub/],
  en: [/Registratie Datahub/i, /\bDatahub\b/, /\bstreams?\b/i, /\bword ?book|vocabular/i, /\bdatadictionar/i, /Registry data hub/],
};

function offending(language: 'nl' | 'en', catalogues: unknown[]): string[] {
  return catalogues
    .flatMap((catalogue) => texts(catalogue))
    .flatMap(([path, text]) => {
      // Placeholders ({stream}) are parameter names, not words the reader sees.
      const shown = text.replace(/\{\w+\}/g, '');
      return BANNED[language].filter((pattern) => pattern.test(shown)).map((pattern) => `${path}: ${pattern} in "${text}"`);
    });
}

describe('wording: one product name per language and one word per concept in every message catalogue', () => {
  it('the Dutch texts of the console and the server (mails included) use only the chosen words', () => {
    expect(offending('nl', [consoleNl, serverNl])).to.deep.equal([]);
  });

  it('the English texts of the console and the server (mails included) use only the chosen words', () => {
    expect(offending('en', [consoleEn, serverEn])).to.deep.equal([]);
  });

  it('names the product "Registratie Datahub" in Dutch and "Registry Data Hub" in English, in the console and the mails', () => {
    expect([consoleNl.app.name, consoleEn.app.name]).to.deep.equal(['Registratie Datahub', 'Registry Data Hub']);
    expect(serverNl.mail.signature.trim()).to.equal('Registratie Datahub');
    expect(serverEn.mail.signature.trim()).to.equal('Registry Data Hub');
  });
});
