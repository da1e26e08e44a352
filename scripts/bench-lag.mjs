// The LAG's batch (issue 13): 300 villages' Markdown plans plus the overview (target < 3 s), and 300
// PDF plans on 2 helper threads against 1 (target: under half the time). Generates 300 villages x 5
// answer files in a temporary folder and runs the built `village score --reports` as a whole process.
// A later `npm run bench` folds this in; run alone with `npm run build && node scripts/bench-lag.mjs`.
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VILLAGES = Number(process.env.BENCH_VILLAGES ?? 300);
const PER = 5;
const IDS = {
  strategy: ['vision', 'assets', 'identity', 'challenges', 'cross-sector', 'data', 'funding', 'alignment', 'resilience'],
  innovation: ['social', 'digital', 'connectivity', 'services', 'economy', 'agriculture', 'energy', 'learning', 'outcomes'],
  participation: ['understanding', 'involvement', 'inclusion', 'welcome', 'leadership', 'communication', 'partnerships', 'networks', 'replicability'],
};
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const dir = mkdtempSync(join(tmpdir(), 'village-bench-lag-'));
const answers = join(dir, 'answers');
for (let v = 0; v < VILLAGES; v++) {
  const base = rand() * 4;
  mkdirSync(join(answers, `v${v}`), { recursive: true });
  for (let i = 0; i < PER; i++) {
    const lines = ['schema: village-kit/answers@1', 'framework: smart-village-lv', `village: "Ciems ${v + 1}"`, `municipality: "Novads ${v % 12}"`, `respondent: "R${i}"`, 'date: 2026-05-1' + (i % 10), 'answers:'];
    for (const [p, cs] of Object.entries(IDS)) for (const c of cs) lines.push(`  ${p}.${c}: ${Math.max(0, Math.min(4, Math.round(base + (rand() - 0.5) * 2)))}`);
    writeFileSync(join(answers, `v${v}`, `${i}.yaml`), `${lines.join('\n')}\n`);
  }
}

function time(label, args, env = {}) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/village.js'), 'score', answers, '--reports', out, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    throw new Error(`${label}: exit ${r.status}`);
  }
  rmSync(out, { recursive: true, force: true });
  console.log(`${label.padEnd(44)} ${s.toFixed(2)} s`);
  return s;
}

console.log(`${VILLAGES} villages x ${PER} answer files; ${availableParallelism()} core(s)`);
const md = time(`${VILLAGES} Markdown plans + overview (target < 3 s)`, []);
const one = time(`${VILLAGES} PDF plans, 1 thread`, ['--report-format', 'pdf'], { VILLAGE_THREADS: '1' });
const two = time(`${VILLAGES} PDF plans, 2 threads`, ['--report-format', 'pdf'], { VILLAGE_THREADS: '2' });
console.log(`Markdown ${md < 3 ? 'meets' : 'misses'} the 3 s target; 2 threads take ${(two / one * 100).toFixed(0)}% of 1 thread (target < 50%)`);
rmSync(dir, { recursive: true, force: true });
