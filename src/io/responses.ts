import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { criterionIndex, packResponse, packedParts, unpackParts, type CriterionIndex, type PackedAnswers, type Response } from '../core/answers.js';
import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import type { Framework } from '../core/framework.js';
import { NEUTRAL_WORDS } from '../core/csv-map.js';
import { csvWords } from '../i18n/csv-words.js';
import { Intake, DEFAULT_INTAKE, type HeaderReport, type IntakeOptions, type IntakeSummary } from '../core/intake.js';
import { warning } from '../core/diagnostic.js';
import { readCsv } from './csv.js';
import { isCsv, isXlsx } from './inputs.js';
import { loadResponse, type Loaded } from './load.js';
import { append, capDiagnostics } from '../core/limits.js';

export interface ResponsesLoad {
  responses: Response[];
  diagnostics: Diagnostic[];
  /** Inputs read: YAML files plus CSV rows. */
  inputs: number;
  /** Inputs rejected: YAML files or CSV rows (or whole CSV files whose header is wrong). */
  rejected: number;
  /** One summary per table (CSV or xlsx) read, in input order. */
  tables: IntakeSummary[];
}

export { isCsv, isXlsx } from './inputs.js';

/** How tables are read: the intake rules plus `--encoding` and `--sheet`. */
export interface TableOptions extends IntakeOptions {
  encoding?: string | undefined;
  sheet?: string | undefined;
}

/**
 * Reads one table of answers (CSV or xlsx; an .xlsx renamed .csv is read as a workbook, with a
 * warning), giving each response to `sink` as its row is read. Diagnostics are positioned.
 */
export async function loadTable(
  file: string,
  fw: Framework,
  opts: TableOptions,
  sink: (r: Response) => void,
): Promise<{ diagnostics: Diagnostic[]; summary: IntakeSummary; headers: HeaderReport[] }> {
  // The header names and cell words of every catalogue, unless the caller chose its own.
  if (opts.words === NEUTRAL_WORDS) opts = { ...opts, words: csvWords() };
  // Responses of a file reach the sink when the file is done: an .xlsx read as CSV starts again as a workbook.
  let kept: Response[] = [];
  const make = (): Intake => {
    kept = [];
    return new Intake(fw, file, opts, (r) => kept.push(r));
  };
  const finish = (intake: Intake, diagnostics: Diagnostic[]): { diagnostics: Diagnostic[]; summary: IntakeSummary; headers: HeaderReport[] } => {
    for (const r of kept) sink(r);
    kept = [];
    const all = intake.diagnostics;
    for (const d of diagnostics) all.push(d);
    for (const d of diagnostics) {
      if (d.severity === 'error') intake.summary.errors++;
      else intake.summary.warnings++;
    }
    return { diagnostics: all, summary: intake.summary, headers: intake.headers() };
  };
  if (isXlsx(file)) {
    const { readXlsx } = await import('./xlsx.js');
    const intake = make();
    const read = await readXlsx(file, intake, opts.sheet);
    intake.summary.sheet = read.sheet;
    if (hasErrors(read.diagnostics) && !intake.hasHeader) intake.summary.rejected = 1;
    return finish(intake, read.diagnostics);
  }
  const csv = await readCsv(file, fw, make, opts.encoding);
  if (csv.read.zip) {
    const { readXlsx } = await import('./xlsx.js');
    const intake = make();
    const read = await readXlsx(file, intake, opts.sheet);
    intake.summary.sheet = read.sheet;
    return finish(intake, [{ ...warning('file.xlsxAsCsv'), file, line: 1, column: 1 }, ...read.diagnostics]);
  }
  const intake = csv.intake ?? make();
  intake.summary.encoding = csv.read.encoding;
  if (hasErrors(csv.diagnostics) && !intake.hasHeader) intake.summary.rejected = Math.max(intake.summary.rejected, 1);
  return finish(intake, csv.diagnostics);
}

/** Below this many YAML files a helper thread costs more (its start-up) than it saves. */
const PARALLEL_MIN_FILES = 800;

/**
 * Loads YAML answer files, using the other cores when there are many: helper threads take every
 * n-th file while this thread takes its own share, and the results come back in input order.
 */
async function loadYamlFiles(files: readonly string[], fw: Framework, onFile: () => void, threadsWanted: number | undefined, notes: boolean): Promise<Loaded<Response>[]> {
  const wanted = threadsWanted || Math.min(availableParallelism(), 4);
  const threads = files.length >= PARALLEL_MIN_FILES ? Math.max(1, Math.floor(wanted)) : 1;
  const index = criterionIndex(fw);
  const load = (f: string): Loaded<Response> => loadPacked(f, fw, index, notes);
  if (threads <= 1) {
    return files.map((f) => {
      const r = load(f);
      onFile();
      return r;
    });
  }
  const share = (t: number): string[] => files.filter((_, i) => i % threads === t);
  // Helpers send their results in small messages, taken in as they come: neither thread holds a
  // whole share at once.
  const helpers = Array.from({ length: threads - 1 }, (_, k) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { framework: fw, files: share(k + 1), notes } });
    const got: Loaded<Response>[] = [];
    return new Promise<Loaded<Response>[]>((resolve, reject) => {
      worker.on('message', (m: Loaded<WireResponse>[] | 'done') => {
        if (m === 'done') resolve(got);
        else for (const l of m) got.push(l.value ? { value: fromWire(l.value, index, notes), diagnostics: l.diagnostics } : (l as Loaded<Response>));
      });
      worker.once('error', reject);
    });
  });
  const own: Loaded<Response>[] = [];
  for (const f of share(0)) {
    own.push(load(f));
    for (let k = 0; k < threads; k++) onFile();
    if (own.length % 256 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const shares = [own, ...(await Promise.all(helpers))];
  return files.map((_, i) => shares[i % threads]?.[Math.floor(i / threads)] as Loaded<Response>);
}

/** One YAML answers file, its answer set packed as a batch keeps it (on this thread or a helper). */
export function loadPacked(file: string, fw: Framework, index: CriterionIndex, notes: boolean): Loaded<Response> {
  const r = loadResponse(file, fw);
  return r.value ? { value: packResponse(r.value, index, notes), diagnostics: r.diagnostics } : r;
}

/** A response as a helper thread sends it: a packed answer set travels as its parts. */
export type WireResponse = Omit<Response, 'answers'> & { answers: Response['answers'] | PackedAnswers };

export const toWire = (r: Response): WireResponse => ({ ...r, answers: packedParts(r.answers) ?? r.answers });

/** A response from a helper thread: its strings arrive as new copies, so the repeated ones are shared again. */
const fromWire = (r: WireResponse, index: CriterionIndex, notes: boolean): Response =>
  packResponse({ ...r, answers: r.answers instanceof Map ? r.answers : unpackParts(r.answers as PackedAnswers, index) }, index, notes);

const EMPTY: Loaded<Response> = { value: null, diagnostics: [] };

/** Loads answers from YAML files and CSV files; a bad file or row is reported and the rest go on. */
export async function loadResponses(
  files: readonly string[],
  fw: Framework,
  opts: {
    ignoreColumns?: readonly string[];
    tables?: Partial<TableOptions>;
    onFile?: () => void;
    /** VILLAGE_THREADS: how many threads read YAML files. */ threads?: number | undefined;
    /** false: drop the notes as the answers are read (nothing prints them), so a batch keeps less. */
    notes?: boolean;
  } = {},
): Promise<ResponsesLoad> {
  const out: ResponsesLoad = { responses: [], diagnostics: [], inputs: 0, rejected: 0, tables: [] };
  const tableOptions: TableOptions = { ...DEFAULT_INTAKE, ...opts.tables, ignore: [...(opts.tables?.ignore ?? []), ...(opts.ignoreColumns ?? [])], notes: opts.notes !== false && opts.tables?.notes !== false };
  const onFile = opts.onFile ?? (() => undefined);
  // A batch keeps every answer set until it is scored: packed, they take a tenth of the memory.
  const index = criterionIndex(fw);
  const notes = opts.notes !== false;
  const keep = (r: Response): Response => packResponse(r, index, notes);
  // YAML files first (in parallel when there are many), then everything in input order.
  const yaml = await loadYamlFiles(files.filter((f) => !isCsv(f)), fw, onFile, opts.threads, notes);
  let next = 0;
  for (const file of files) {
    if (!isCsv(file)) {
      const loaded = yaml[next++] as Loaded<Response>;
      out.inputs++;
      append(out.diagnostics, loaded.diagnostics);
      if (loaded.value) out.responses.push(loaded.value);
      else out.rejected++;
      yaml[next - 1] = EMPTY;
      continue;
    }
    // Rows go straight into the list (no spread: a file may hold a hundred thousand of them).
    const table = await loadTable(file, fw, tableOptions, (r) => out.responses.push(keep(r)));
    append(out.diagnostics, capDiagnostics(table.diagnostics));
    out.tables.push(table.summary);
    out.inputs += Math.max(table.summary.rows, 1);
    out.rejected += table.summary.rejected;
    onFile();
  }
  return out;
}
