import { parentPort, workerData } from 'node:worker_threads';
import type { Framework } from '../core/framework.js';
import { loadResponse } from './load.js';

/** A helper thread of `loadResponses`: loads its share of the YAML answer files and sends the results back in order. */
const { framework, files } = workerData as { framework: Framework; files: string[] };
parentPort?.postMessage(files.map((file) => loadResponse(file, framework)));
