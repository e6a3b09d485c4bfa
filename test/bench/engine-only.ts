import { stat } from 'node:fs/promises';
import { loadDictionaries } from '../../server/src/dictionaries/dictionary-files';
import { validateDelivery } from '../../server/validation/src';
import { fileRanges, fileSource, nodeUtf8Validator } from '../../server/validation/src/node-files';

/**
 * Prints the wall and CPU seconds the engine alone takes on a CAT file (compare with the end-to-end
 * run), given what the validate command gives it: the byte length and ranged reads for 005.
 */
async function main(file: string): Promise<void> {
  const dictionary = (await loadDictionaries()).find((d) => d.registry === 'CAT');
  if (!dictionary) throw new Error('no CAT dictionary');
  const byteLength = (await stat(file)).size;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await validateDelivery(fileSource(file), dictionary.compiled, {
    fileName: file,
    period: { code: '2026K1', start: '2026-01-01', end: '2026-03-31' },
    utf8Validator: nodeUtf8Validator,
    byteLength,
    openRanges: fileRanges(file),
    onFinding: () => undefined,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  console.log(`${seconds} ${(used.user + used.system) / 1e6}`);
}

void main(process.argv[2] as string);
