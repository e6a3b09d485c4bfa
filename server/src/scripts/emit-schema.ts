import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDatahubSchema, printSortedSchema } from '../app/schema';

/** `pnpm schema`: writes the sorted SDL to schema/schema.graphql, the reviewed contract of the API. */
async function emit() {
  const target = path.resolve(__dirname, '../../../schema/schema.graphql');
  writeFileSync(target, printSortedSchema(await buildDatahubSchema()));
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}

void emit();
