// Intake benchmark (issue 12): times `village score` on a generated 10,000-row CSV and a 10,000-row
// xlsx of the bundled framework, each beside a bare floor over the same file in a fresh process
// (a csv-parse loop; a read-excel-file read), and prints the ratios. Target: each ≤ 1.5× its floor.
// Run after `npm run build`: node scripts/bench-intake.mjs (BENCH_ROWS, BENCH_RUNS to change).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import writeExcelFile from 'write-excel-file/node';
import { loadFramework } from '../dist/io/load.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const fw = loadFramework(join(ROOT, 'criteria/smart-village.yaml')).value;
const ids = [...fw.criteria.keys()];

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const header = ['Timestamp', 'village', 'respondent', ...ids];
const rows = Array.from({ length: ROWS }, (_, i) => [
  `2026/05/${String(1 + (i % 28)).padStart(2, '0')} 9:02:11 AM GMT+3`,
  `Ciems ${i % 300}`,
  `R${i}`,
  ...ids.map(() => (rand() < 0.05 ? 'n/a' : String(Math.floor(rand() * 5)))),
]);

const dir = mkdtempSync(join(tmpdir(), 'village-bench-intake-'));
const csv = join(dir, 'answers.csv');
const xlsx = join(dir, 'answers.xlsx');
writeFileSync(csv, `${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`);
// One row: what `village score` costs before the first row (start-up, the framework), to show apart.
const one = join(dir, 'one.csv');
writeFileSync(one, `${[header, rows[0]].map((r) => r.join(',')).join('\n')}\n`);
await writeExcelFile([header, ...rows]).toFile(xlsx);

const floors = {
  csv: `import { createReadStream } from 'node:fs'; import { parse } from 'csv-parse';
let n = 0; for await (const r of createReadStream(process.argv[1]).pipe(parse({ relax_column_count: true }))) n += r.length;
if (n === 0) process.exit(1);`,
  xlsx: `import readXlsxFile from 'read-excel-file/node';
const sheets = await readXlsxFile(process.argv[1]); if (sheets[0].data.length === 0) process.exit(1);`,
};

function time(args, cwd = ROOT) {
  const walls = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    walls.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return walls.sort((a, b) => a - b)[Math.floor(walls.length / 2)];
}

try {
  console.log(`intake bench: ${ROWS} rows × ${ids.length} criteria, median of ${RUNS} runs (whole processes)`);
  const startup = time(['bin/village.js', 'score', one, '--format', 'json']);
  console.log(`start-up (a one-row CSV): ${startup.toFixed(0)} ms`);
  for (const [kind, file] of [['csv', csv], ['xlsx', xlsx]]) {
    const floor = time(['--input-type=module', '-e', floors[kind], file]);
    const score = time(['bin/village.js', 'score', file, '--format', 'json']);
    const net = (score - startup) / floor;
    console.log(
      `${kind.padEnd(4)}  score ${score.toFixed(0).padStart(6)} ms   floor ${floor.toFixed(0).padStart(6)} ms   ratio ${(score / floor).toFixed(2)}×   without start-up ${net.toFixed(2)}×  (target ≤ 1.5×)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
