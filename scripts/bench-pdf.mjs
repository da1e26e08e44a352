// npm run bench:pdf — a cold `village report … --format pdf` process beside a cold Markdown report
// process on the same answers: the median of RUNS wall times of each, and their ratio (target ≤ 1.5,
// issue #17). Runs the built binary (npm run build first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const INPUT = process.argv[2] ?? join(ROOT, 'examples', 'ergli');
const dir = mkdtempSync(join(tmpdir(), 'village-bench-pdf-'));

const cold = (format) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'village.js'), 'report', INPUT, '--format', format, '--out', join(dir, `plan.${format}`), '--force', '--lang', 'lv'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${format}: exit ${r.status}\n${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

cold('md');
cold('pdf'); // warm the file system cache once
const md = [];
const pdf = [];
for (let i = 0; i < RUNS; i++) {
  md.push(cold('md'));
  pdf.push(cold('pdf'));
}
rmSync(dir, { recursive: true, force: true });
const m = median(md);
const p = median(pdf);
console.log(`input: ${INPUT}`);
console.log(`markdown: median ${m.toFixed(0)} ms  (${md.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`pdf:      median ${p.toFixed(0)} ms  (${pdf.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`ratio pdf / markdown: ${(p / m).toFixed(2)} (target ≤ 1.50)`);
