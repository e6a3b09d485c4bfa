import { loadDictionaries } from '../../server/src/dictionaries/dictionary-files';
import { validateDelivery } from '../../server/validation/src';
import { fileSource, nodeUtf8Validator } from '../../server/validation/src/node-files';

/** Prints the seconds the engine alone takes on a CAT file (compare with the end-to-end run). */
async function main(file: string): Promise<void> {
  const dictionary = (await loadDictionaries()).find((d) => d.registry === 'CAT');
  if (!dictionary) throw new Error('no CAT dictionary');
  const started = process.hrtime.bigint();
  await validateDelivery(fileSource(file), dictionary.compiled, {
    fileName: file,
    period: { code: '2026K1', start: '2026-01-01', end: '2026-03-31' },
    utf8Validator: nodeUtf8Validator,
    onFinding: () => undefined,
  });
  console.log(Number(process.hrtime.bigint() - started) / 1e9);
}

void main(process.argv[2] as string);
