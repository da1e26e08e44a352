import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Response } from '../core/answers.js';
import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import type { Framework } from '../core/framework.js';
import { loadCsv } from './csv.js';
import { loadResponse, type Loaded } from './load.js';
import { append, capDiagnostics } from '../core/limits.js';

export interface ResponsesLoad {
  responses: Response[];
  diagnostics: Diagnostic[];
  /** Inputs read: YAML files plus CSV rows. */
  inputs: number;
  /** Inputs rejected: YAML files or CSV rows (or whole CSV files whose header is wrong). */
  rejected: number;
}

export const isCsv = (file: string): boolean => ['.csv', '.tsv', '.txt'].includes(extname(file).toLowerCase());

/** Below this many YAML files a helper thread costs more (its start-up) than it saves. */
const PARALLEL_MIN_FILES = 800;

/**
 * Loads YAML answer files, using the other cores when there are many: helper threads take every
 * n-th file while this thread takes its own share, and the results come back in input order.
 */
async function loadYamlFiles(files: readonly string[], fw: Framework, onFile: () => void, threadsWanted: number | undefined): Promise<Loaded<Response>[]> {
  const wanted = threadsWanted || Math.min(availableParallelism(), 4);
  const threads = files.length >= PARALLEL_MIN_FILES ? Math.max(1, Math.floor(wanted)) : 1;
  if (threads <= 1) {
    return files.map((f) => {
      const r = loadResponse(f, fw);
      onFile();
      return r;
    });
  }
  const share = (t: number): string[] => files.filter((_, i) => i % threads === t);
  const helpers = Array.from({ length: threads - 1 }, (_, k) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { framework: fw, files: share(k + 1) } });
    return new Promise<Loaded<Response>[]>((resolve, reject) => {
      worker.once('message', (m: Loaded<Response>[]) => resolve(m));
      worker.once('error', reject);
    });
  });
  const own = share(0).map((f) => {
    const r = loadResponse(f, fw);
    for (let k = 0; k < threads; k++) onFile();
    return r;
  });
  const shares = [own, ...(await Promise.all(helpers))];
  return files.map((_, i) => shares[i % threads]?.[Math.floor(i / threads)] as Loaded<Response>);
}

/** Loads answers from YAML files and CSV files; a bad file or row is reported and the rest go on. */
export async function loadResponses(
  files: readonly string[],
  fw: Framework,
  opts: { ignoreColumns?: readonly string[]; onFile?: () => void; /** VILLAGE_THREADS: how many threads read YAML files. */ threads?: number | undefined } = {},
): Promise<ResponsesLoad> {
  const out: ResponsesLoad = { responses: [], diagnostics: [], inputs: 0, rejected: 0 };
  const onFile = opts.onFile ?? (() => undefined);
  // YAML files first (in parallel when there are many), then everything in input order.
  const yaml = await loadYamlFiles(files.filter((f) => !isCsv(f)), fw, onFile, opts.threads);
  let next = 0;
  for (const file of files) {
    if (!isCsv(file)) {
      const loaded = yaml[next++] as Loaded<Response>;
      out.inputs++;
      append(out.diagnostics, loaded.diagnostics);
      if (loaded.value) out.responses.push(loaded.value);
      else out.rejected++;
      continue;
    }
    const csv = await loadCsv(file, fw, opts.ignoreColumns);
    append(out.responses, csv.responses);
    append(out.diagnostics, capDiagnostics(csv.diagnostics));
    out.inputs += Math.max(csv.rows, 1);
    out.rejected += csv.rows === 0 ? (hasErrors(csv.diagnostics) ? 1 : 0) : csv.rejectedRows;
    onFile();
  }
  return out;
}
