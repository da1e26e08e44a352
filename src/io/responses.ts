import { extname } from 'node:path';
import type { Response } from '../core/answers.js';
import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import type { Framework } from '../core/framework.js';
import { loadCsv } from './csv.js';
import { loadResponse } from './load.js';

export interface ResponsesLoad {
  responses: Response[];
  diagnostics: Diagnostic[];
  /** Inputs read: YAML files plus CSV rows. */
  inputs: number;
  /** Inputs rejected: YAML files or CSV rows (or whole CSV files whose header is wrong). */
  rejected: number;
}

export const isCsv = (file: string): boolean => ['.csv', '.tsv', '.txt'].includes(extname(file).toLowerCase());

/** Loads answers from YAML files and CSV files; a bad file or row is reported and the rest go on. */
export async function loadResponses(
  files: readonly string[],
  fw: Framework,
  opts: { ignoreColumns?: readonly string[]; onFile?: () => void } = {},
): Promise<ResponsesLoad> {
  const out: ResponsesLoad = { responses: [], diagnostics: [], inputs: 0, rejected: 0 };
  for (const file of files) {
    if (isCsv(file)) {
      const csv = await loadCsv(file, fw, opts.ignoreColumns);
      out.responses.push(...csv.responses);
      out.diagnostics.push(...csv.diagnostics);
      out.inputs += Math.max(csv.rows, 1);
      out.rejected += csv.rows === 0 ? (hasErrors(csv.diagnostics) ? 1 : 0) : csv.rejectedRows;
    } else {
      const loaded = await loadResponse(file, fw);
      out.inputs++;
      out.diagnostics.push(...loaded.diagnostics);
      if (loaded.value) out.responses.push(loaded.value);
      else out.rejected++;
    }
    opts.onFile?.();
  }
  return out;
}
