/**
 * A conversion worker: converts blocks of NDJSON for one dictionary (conversion-workers.ts). Started
 * with the dictionary's fields and mapping and the R4 resource definitions the starting thread read,
 * so it reads only the data types and the JSON Schema itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { StructureDefinition } from '@medplum/fhirtypes';
import { compileMapping, type FhirDictionary } from './compiled-mapping';
import { type Block, type BlockResult, convertBlock } from './ndjson-block';
import { indexR4ResourceDefinitions } from './r4-definitions';

export interface WorkerStart {
  dictionary: FhirDictionary;
  definitions: StructureDefinition[];
}

export type WorkerRequest = { id: number; block: Block };
export type WorkerReply = { id: number; result: BlockResult } | { id: number; failure: { name: string; message: string } };

if (parentPort) {
  const port = parentPort;
  const start = workerData as WorkerStart;
  indexR4ResourceDefinitions(start.definitions);
  const compiled = compileMapping(start.dictionary);
  port.on('message', ({ id, block }: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { id, result: convertBlock(block, compiled) };
    } catch (error) {
      // A bug: its kind and message go back (a message names code, never the data: the grouper's errors are FhirStructureErrors).
      reply = { id, failure: { name: (error as Error).name ?? 'Error', message: (error as Error).message ?? String(error) } };
    }
    const lines = 'result' in reply ? reply.result.lines : undefined;
    port.postMessage(reply, lines ? [lines.buffer as ArrayBuffer] : []);
  });
}
