import { parentPort, workerData } from 'node:worker_threads';
import { criterionIndex } from '../core/answers.js';
import type { Framework } from '../core/framework.js';
import type { Loaded } from './load.js';
import { loadPacked, toWire, type WireResponse } from './responses.js';

/**
 * A helper thread of `loadResponses`: loads its share of the YAML answer files and sends the
 * results back in order, answer sets packed, a few hundred at a time, then 'done'.
 */
const { framework, files, notes } = workerData as { framework: Framework; files: string[]; notes: boolean };
const index = criterionIndex(framework);
let batch: Loaded<WireResponse>[] = [];
for (const file of files) {
  const r = loadPacked(file, framework, index, notes);
  batch.push({ value: r.value && toWire(r.value), diagnostics: r.diagnostics });
  if (batch.length === 256) {
    parentPort?.postMessage(batch);
    batch = [];
  }
}
if (batch.length > 0) parentPort?.postMessage(batch);
parentPort?.postMessage('done');
