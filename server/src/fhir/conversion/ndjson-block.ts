/**
 * One block of NDJSON converted on its own: whole lines, cut before a Patient line (ndjson-blocks.ts),
 * so its patients are complete. The same function runs in the request's thread and in a conversion
 * worker; what it returns can cross threads (text, numbers, one Int32Array).
 */
import type { CompiledMapping } from './compiled-mapping';
import { csvLine } from './csv-line';
import { type FhirIssue, FhirStructureError } from './issues';
import { feedBlock, PatientGrouper } from './ndjson';

export interface Block {
  bytes: Uint8Array;
  /** The number of the block's first line in the whole input. */
  firstLine: number;
  /** Whether the records' locators are wanted (`lines`). */
  locators: boolean;
}

export interface BlockResult {
  csv: string;
  records: number;
  /** Per record, the line of each alias (`focus`, then the mapping's resources in order); 0 where absent. */
  lines?: Int32Array;
  /** Element paths and resource types discarded. */
  discarded: string[];
  /** The block's Patient lines (id, line) in order, up to a refusal: checked against earlier blocks'. */
  patients: Array<[string, number]>;
  /** The number of the block's last line. */
  lastLine: number;
  /** A structural refusal at `line`: the block's records before it are not to be used. */
  refusal?: { issues: FhirIssue[]; line: number };
}

/** `focus`, then each resource the mapping links, in the order of the locators' lines. */
export function locatorAliases(compiled: CompiledMapping): string[] {
  return ['focus', ...compiled.links.map((link) => link.alias)];
}

export function convertBlock(block: Block, compiled: CompiledMapping): BlockResult {
  const aliases = locatorAliases(compiled);
  const discarded = new Set<string>();
  const lines: number[] = [];
  let csv = '';
  let records = 0;
  const grouper = new PatientGrouper(
    compiled,
    discarded,
    (pool) => {
      for (const record of pool.records(compiled)) {
        records++;
        csv += csvLine(record.cells);
        // 'line 17' → 17: the locators of NDJSON are lines.
        if (block.locators) for (const alias of aliases) lines.push(alias in record.locator ? Number(record.locator[alias]!.slice(5)) : 0);
      }
    },
    { firstLine: block.firstLine, listPatients: true },
  );
  const bytes = Buffer.from(block.bytes.buffer, block.bytes.byteOffset, block.bytes.byteLength);
  let refusal: BlockResult['refusal'];
  try {
    feedBlock(bytes, grouper);
  } catch (error) {
    if (!(error instanceof FhirStructureError)) throw error;
    refusal = { issues: error.issues, line: grouper.lastLine };
  }
  return {
    csv,
    records,
    lines: block.locators ? Int32Array.from(lines) : undefined,
    discarded: [...discarded],
    patients: grouper.patients!,
    lastLine: grouper.lastLine,
    refusal,
  };
}
