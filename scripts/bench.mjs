// npm run bench: the kit's performance targets, each measured as a ratio to a floor taken in the
// same run (commands interleaved round by round, so machine noise hits both sides), median of
// BENCH_RUNS runs (default 5). Prints every floor, figure and ratio with the machine's cores and
// load, and exits 1 when a target is missed. BENCH_QUICK=1 leaves out the 100k-file and
// 1M-row measures; BENCH_KEEP=1 keeps the generated data; BENCH_GENERATE_ONLY=1 only writes it. Only Node is needed: peak memory comes
// from a preloaded script (scripts/bench-rss.mjs), not from /usr/bin/time.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadFramework } from '../dist/io/load.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const QUICK = Boolean(process.env.BENCH_QUICK);
const VILLAGE = [join(ROOT, 'bin/village.js')];
const RSS_HOOK = pathToFileURL(join(ROOT, 'scripts/bench-rss.mjs')).href;
const mod = (name) => pathToFileURL(join(ROOT, 'node_modules', name)).href;

const fw = loadFramework(join(ROOT, 'criteria/smart-village.yaml')).value;
const ids = [...fw.criteria.keys()];

// A deterministic generator, so every run measures the same data.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pickOne = (xs) => xs[Math.floor(rand() * xs.length)];
const NOTES = [
  'Kopienas sapulcē 2025. gada pavasarī piedalījās 34 iedzīvotāji; vīzija pierakstīta un pieejama bibliotēkā.',
  'Pagasta pārvalde atbalsta, bet finansējums ir tikai vienam gadam — jāmeklē LEADER projekts.',
  'Jaunieši izveidoja WhatsApp grupu braucieniem uz novada centru, to lieto ap 60 cilvēku.',
  'Digitālo prasmju nodarbības senioriem notiek bibliotēkā otrdienās; nāk 8–12 cilvēki.',
  'Saules paneļi uz skolas jumta kopš 2024. gada; enerģijas kopiena vēl tikai idejā.',
];
const NAMES = ['Alsunga', 'Ērgļi', 'Lejasciems', 'Vecpiebalga', 'Dzērbene', 'Jumurda', 'Vestiena', 'Ļaudona', 'Ķoņi', 'Ūdrupe', 'Žīguri'];
// Five respondents per village: 10,000 files are 2,000 villages.
const villageName = (i) => `${NAMES[Math.floor(i / 5) % NAMES.length]} ${Math.floor(i / 5) + 1}`;
const score = () => (rand() < 0.06 ? 'n/a' : Math.floor(rand() * 5));

function answerFile(i) {
  const lines = [
    'schema: village-kit/answers@1',
    'framework: smart-village-lv',
    `village: "${villageName(i)}"`,
    'municipality: Madonas novads',
    `respondent: "Respondents ${i + 1}"`,
    `date: 2026-0${1 + (i % 9)}-1${i % 10}`,
    'language: lv',
    'answers:',
  ];
  for (const id of ids) {
    const s = score();
    lines.push(rand() < 0.25 ? `  ${id}: { score: ${s}, note: "${pickOne(NOTES)}" }` : `  ${id}: ${s}`);
  }
  return `${lines.join('\n')}\n`;
}

const dir = mkdtempSync(join(tmpdir(), 'village-bench-'));
const say = (s) => process.stderr.write(`${s}\n`);

function yamlFolder(name, n) {
  const out = join(dir, name);
  const paths = [];
  for (let i = 0; i < n; i++) {
    const sub = join(out, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const p = join(sub, `a${i}.yaml`);
    writeFileSync(p, answerFile(i));
    paths.push(p);
  }
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(paths));
  return out;
}

function csvFile(name, rows) {
  const file = join(dir, name);
  writeFileSync(file, `\uFEFF${['village', 'respondent', 'date', ...ids, 'strategy.vision note'].join(';')}\r\n`);
  let chunk = [];
  for (let i = 0; i < rows; i++) {
    chunk.push([villageName(i % 50_000), `R${i}`, '14.03.2026', ...ids.map(() => String(score())), rand() < 0.3 ? `"${pickOne(NOTES)}"` : ''].join(';'));
    if (chunk.length === 10_000 || i === rows - 1) {
      appendFileSync(file, `${chunk.join('\r\n')}\r\n`);
      chunk = [];
    }
  }
  return file;
}

async function xlsxFile(name, rows) {
  const { default: writeXlsxFile } = await import(mod('write-excel-file/node/index.js'));
  const header = ['village', 'respondent', 'date', ...ids];
  const data = [header.map((value) => ({ value }))];
  for (let i = 0; i < rows; i++) {
    data.push([villageName(i), `R${i}`, '2026-03-14', ...ids.map(() => score())].map((value) => ({ value })));
  }
  const file = join(dir, name);
  await writeXlsxFile(data).toFile(file);
  return file;
}

function script(name, text) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

// ---- data -------------------------------------------------------------------------------------
say(`Generating data in ${dir} …`);
const files10k = yamlFolder('files10k', 10_000);
const lag300 = yamlFolder('lag300', 1_500); // 300 villages x 5 respondents
const files100k = QUICK ? null : yamlFolder('files100k', 100_000);
const csv10k = csvFile('rows10k.csv', 10_000);
const csv100k = csvFile('rows100k.csv', 100_000);
const csv1m = QUICK ? null : csvFile('rows1m.csv', 1_000_000);
const kitReadsXlsx = existsSync(join(ROOT, 'dist/io/xlsx.js'));
const xlsx10k = kitReadsXlsx ? await xlsxFile('rows10k.xlsx', 10_000) : null;
const one = join(ROOT, 'examples/ergli');
const reportsDir = join(dir, 'reports');
if (process.env.BENCH_GENERATE_ONLY) {
  console.log(dir);
  process.exit(0);
}

// ---- floors -----------------------------------------------------------------------------------
const yamlFloor = (name) =>
  script(
    `floor-${name}.mjs`,
    `import { readFileSync } from 'node:fs';
import { load } from '${mod('js-yaml/dist/js-yaml.mjs')}';
const files = JSON.parse(readFileSync(${JSON.stringify(join(dir, `${name}.json`))}, 'utf8'));
let n = 0;
for (const f of files) n += Object.keys(load(readFileSync(f, 'utf8')).answers).length;
if (n === 0) process.exit(1);
`,
  );
const csvFloor = script(
  'floor-csv.mjs',
  `import { createReadStream } from 'node:fs';
import { parse } from '${mod('csv-parse/lib/index.js')}';
let n = 0;
for await (const row of createReadStream(process.argv[2]).pipe(parse({ delimiter: ';', bom: true, relax_column_count: true }))) n += row.length;
if (n === 0) process.exit(1);
`,
);
const xlsxFloor = script(
  'floor-xlsx.mjs',
  `import readXlsxFile from '${mod('read-excel-file/node/index.js')}';
const rows = await readXlsxFile(process.argv[2]);
if (rows.length === 0) process.exit(1);
`,
);

// ---- measuring --------------------------------------------------------------------------------
const rssFile = join(dir, 'rss.txt');

/** One process: wall time (s), peak RSS (MB) of every Node process it ran, exit code. */
function run(args, env = {}) {
  writeFileSync(rssFile, '');
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, ['--import', RSS_HOOK, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    maxBuffer: 1 << 28,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = Math.max(0, ...readFileSync(rssFile, 'utf8').split('\n').filter(Boolean).map(Number)) / 1024;
  return { wall, rss, code: res.status ?? -1, stderr: res.stderr.toString('utf8').slice(-400) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs the commands round by round; each command's median wall and largest RSS, and each
 * command's median per-round ratio to the first command (the floor).
 */
function interleave(title, commands, runs = RUNS) {
  say(`  ${title} (${runs} rounds) …`);
  const rows = commands.map((c) => ({ ...c, walls: [], rsses: [], codes: new Set(), ratios: [] }));
  for (let r = 0; r < runs; r++) {
    for (const c of rows) {
      if (c.before) c.before();
      const m = run(c.args, c.env);
      c.walls.push(m.wall);
      c.rsses.push(m.rss);
      c.codes.add(m.code);
      if (m.code !== (c.expect ?? 0)) say(`    ${c.name}: exit ${m.code}: ${m.stderr}`);
    }
    for (const c of rows) c.ratios.push(c.walls.at(-1) / rows[0].walls.at(-1));
  }
  return rows.map((c) => ({ name: c.name, wall: median(c.walls), rss: Math.max(...c.rsses), ratio: median(c.ratios), ok: [...c.codes].every((x) => x === (c.expect ?? 0)) }));
}

const results = [];
const target = (what, value, limit, unit, ok = value <= limit) => results.push({ what, value, limit, unit, ok });
const table = [];

// ---- 1. start-up -------------------------------------------------------------------------------
const startup = interleave('start-up', [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'village --help', args: [...VILLAGE, '--help'] },
  { name: 'village --version', args: [...VILLAGE, '--version'] },
  { name: 'village validate criteria/smart-village.yaml', args: [...VILLAGE, 'validate', join(ROOT, 'criteria/smart-village.yaml')] },
], Math.max(RUNS, 11));
table.push(...startup);
target('--help vs node -e 0', startup[1].ratio, 1.2, '×');
target('--version vs node -e 0', startup[2].ratio, 1.2, '×');
target('validate bundled criteria vs node -e 0', startup[3].ratio, 2, '×');

// ---- 2. 10k YAML files ------------------------------------------------------------------------
const y10 = interleave('10k YAML files', [
  { name: 'floor: read + js-yaml loop, 10k files, one core', args: [yamlFloor('files10k')] },
  { name: 'score 10k files --format json', args: [...VILLAGE, 'score', files10k, '--format', 'json'] },
  { name: 'score 10k files --format csv', args: [...VILLAGE, 'score', files10k, '--format', 'csv'] },
  { name: 'score 10k files (table)', args: [...VILLAGE, 'score', files10k] },
  {
    name: 'score 10k files --reports md',
    args: [...VILLAGE, 'score', files10k, '--format', 'json', '--reports', reportsDir, '--force'],
    before: () => rmSync(reportsDir, { recursive: true, force: true }),
  },
]);
table.push(...y10);
target('score 10k files json vs read + js-yaml', y10[1].ratio, 1.2, '×');
target('peak RSS 10k files (json, csv, table)', Math.max(y10[1].rss, y10[2].rss, y10[3].rss), 150, 'MB');
target('--reports md 10k files vs score without --reports', y10[4].wall / y10[1].wall, 2, '×');

// ---- 3. 100k YAML files (memory) --------------------------------------------------------------
if (files100k) {
  const y100 = interleave('100k YAML files', [
    { name: 'floor: read + js-yaml loop, 100k files', args: [yamlFloor('files100k')] },
    { name: 'score 100k files --format json', args: [...VILLAGE, 'score', files100k, '--format', 'json'] },
    { name: 'score 100k files --format csv', args: [...VILLAGE, 'score', files100k, '--format', 'csv'] },
    { name: 'score 100k files (table)', args: [...VILLAGE, 'score', files100k] },
  ], Math.min(RUNS, 3));
  table.push(...y100);
  target('peak RSS 100k files (json, csv, table)', Math.max(y100[1].rss, y100[2].rss, y100[3].rss), 300, 'MB');
}

// ---- 4. CSV and xlsx rows ----------------------------------------------------------------------
const c10 = interleave('10k-row CSV and xlsx', [
  { name: 'floor: csv-parse over the 10k-row CSV', args: [csvFloor, csv10k] },
  { name: 'score 10k-row CSV --format json', args: [...VILLAGE, 'score', csv10k, '--format', 'json'] },
  ...(xlsx10k
    ? [
        { name: 'floor: read-excel-file over the 10k-row xlsx', args: [xlsxFloor, xlsx10k] },
        { name: 'score 10k-row xlsx --format json', args: [...VILLAGE, 'score', xlsx10k, '--format', 'json'] },
      ]
    : []),
]);
table.push(...c10);
target('score 10k-row CSV vs csv-parse', c10[1].ratio, 1.5, '×');
if (xlsx10k) target('score 10k-row xlsx vs read-excel-file', c10[3].wall / c10[2].wall, 1.5, '×');

const c100 = interleave('100k-row CSV', [
  { name: 'floor: csv-parse over the 100k-row CSV', args: [csvFloor, csv100k] },
  { name: 'score 100k-row CSV --format json', args: [...VILLAGE, 'score', csv100k, '--format', 'json'] },
], Math.min(RUNS, 3));
table.push(...c100);
target('peak RSS 100k-row CSV', c100[1].rss, 300, 'MB');
if (csv1m) {
  const c1m = interleave('1M-row CSV', [
    { name: 'floor: csv-parse over the 1M-row CSV', args: [csvFloor, csv1m] },
    { name: 'score 1M-row CSV --format json', args: [...VILLAGE, 'score', csv1m, '--format', 'json'] },
  ], Math.min(RUNS, 3));
  table.push(...c1m);
  target('score 1M-row CSV vs csv-parse', c1m[1].ratio, 2, '×');
  target('peak RSS 1M-row CSV', c1m[1].rss, 300, 'MB');
}

// ---- 5. one plan: PDF vs Markdown ---------------------------------------------------------------
const plan = interleave('one plan', [
  { name: 'report ergli --format md (whole process)', args: [...VILLAGE, 'report', one, '--format', 'md'] },
  { name: 'report ergli --format pdf (whole process)', args: [...VILLAGE, 'report', one, '--format', 'pdf'] },
], Math.max(RUNS, 7));
table.push(...plan);
target('one PDF plan vs the Markdown plan', plan[1].ratio, 1.5, '×');

// ---- 6. the LAG's batch: 300 villages ----------------------------------------------------------
const lagOut = join(dir, 'lag-reports');
const fresh = () => rmSync(lagOut, { recursive: true, force: true });
const lag = interleave('300 villages: plans and overview', [
  { name: 'score 300 villages --format json (no reports)', args: [...VILLAGE, 'score', lag300, '--format', 'json'] },
  { name: 'score 300 villages --reports (Markdown plans + overview)', args: [...VILLAGE, 'score', lag300, '--format', 'json', '--reports', lagOut], before: fresh },
], Math.min(RUNS, 3));
table.push(...lag);
target('300 Markdown plans + overview, whole process (s)', lag[1].wall, 3, 's');
const pdfs = interleave('300 PDF plans, 1 vs 2 threads', [
  { name: 'score 300 villages --reports --report-format pdf, 1 thread', args: [...VILLAGE, 'score', lag300, '--format', 'json', '--reports', lagOut, '--report-format', 'pdf'], env: { VILLAGE_THREADS: '1' }, before: fresh },
  { name: 'the same, 2 threads', args: [...VILLAGE, 'score', lag300, '--format', 'json', '--reports', lagOut, '--report-format', 'pdf'], env: { VILLAGE_THREADS: '2' }, before: fresh },
], Math.min(RUNS, 3));
table.push(...pdfs);
target('300 PDF plans: 2 threads vs 1', pdfs[1].ratio, 0.5, '×');

// ---- report -----------------------------------------------------------------------------------
if (process.env.BENCH_KEEP) say(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });

const [l1, l5] = loadavg();
console.log(`\nMachine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${l1.toFixed(2)} / ${l5.toFixed(2)} (1 / 5 min); median of ${RUNS}+ interleaved rounds\n`);
console.log('| command | wall (s) | ratio to the first of its group | peak RSS (MB) |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of table) console.log(`| ${r.name}${r.ok ? '' : ' (FAILED)'} | ${r.wall.toFixed(3)} | ${r.ratio.toFixed(2)}× | ${r.rss.toFixed(0)} |`);
console.log('\n| target | figure | limit | |');
console.log('| --- | ---: | ---: | --- |');
for (const t of results) console.log(`| ${t.what} | ${t.value.toFixed(2)} ${t.unit} | ≤ ${t.limit} ${t.unit} | ${t.ok ? 'met' : '**MISSED**'} |`);
const failedRuns = table.filter((r) => !r.ok);
const missed = results.filter((t) => !t.ok);
if (failedRuns.length > 0) console.log(`\n${failedRuns.length} command(s) exited with an unexpected code.`);
if (missed.length > 0) console.log(`\n${missed.length} target(s) missed.`);
process.exit(missed.length > 0 || failedRuns.length > 0 ? 1 : 0);
