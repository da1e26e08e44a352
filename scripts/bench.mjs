// npm run bench: generates 10,000 answer files and a 10,000-row CSV of the bundled framework in a
// temporary folder and measures `village score` as a whole process (wall time, files per second,
// peak RSS) beside a baseline that only reads the same files and parses them with the yaml
// library in one loop. Targets (2-core machine): 10,000 files < 3 s and within 1.5x of the
// baseline; peak RSS < 300 MB; the CSV < 1.5 s.
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFramework } from '../dist/io/load.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILES = Number(process.env.BENCH_FILES ?? 10_000);
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ONLY_GENERATE = process.env.BENCH_GENERATE_ONLY;

const fw = (loadFramework(join(ROOT, 'criteria/smart-village.yaml'))).value;
const ids = [...fw.criteria.keys()];

// A small deterministic generator, so every run measures the same files.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pickOne = (xs) => xs[Math.floor(rand() * xs.length)];
const NOTES = [
  'Kopienas sapulcē 2025. gada pavasarī piedalījās 34 iedzīvotāji; vīzija pierakstīta un pieejama bibliotēkā.',
  'Pagasta pārvalde atbalsta, bet finansējums ir tikai vienam gadam — jāmeklē LEADER projekts.',
  'Jaunieši izveidoja WhatsApp grupu braucieniem uz novada centru, to lieto ap 60 cilvēku.',
  'Digitālo prasmju nodarbības senioriem notiek bibliotēkā otrdienās; nāk 8–12 cilvēki.',
  'Saules paneļi uz skolas jumta kopš 2024. gada; enerģijas kopiena vēl tikai idejā.',
  'Sadarbība ar kaimiņu pagastiem: kopīgi Jāņi un amatnieku tirdziņš “Ērgļu ļaudis”.',
  'Iedzīvotāju aptaujā (184 atbildes) galvenās rūpes ir mobilitāte, mājokļi un darba vietas.',
];
const VILLAGE_NAMES = ['Alsunga', 'Ērgļi', 'Lejasciems', 'Vecpiebalga', 'Dzērbene', 'Jumurda', 'Vestiena', 'Ļaudona', 'Ķoņi', 'Ūdrupe', 'Žīguri', 'Čiekurkalns'];
// Five respondents per village: 10,000 files are 2,000 villages.
const villageName = (i) => `${VILLAGE_NAMES[Math.floor(i / 5) % VILLAGE_NAMES.length]} ${Math.floor(i / 5) + 1}`;
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
const filesDir = join(dir, 'answers');
console.log(`Generating ${FILES} answer files and a ${ROWS}-row CSV in ${dir} …`);
const paths = [];
for (let i = 0; i < FILES; i++) {
  const sub = join(filesDir, String(Math.floor(i / 1000)).padStart(2, '0'));
  if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
  const p = join(sub, `answers-${String(i).padStart(5, '0')}.yaml`);
  writeFileSync(p, answerFile(i));
  paths.push(p);
}
writeFileSync(join(dir, 'files.json'), JSON.stringify(paths));
const header = ['village', 'respondent', 'date', ...ids, 'strategy.vision note'];
const csvRows = [header.join(';')];
for (let i = 0; i < ROWS; i++) {
  csvRows.push([villageName(i), `R${i}`, '14.03.2026', ...ids.map(() => String(score())), rand() < 0.3 ? `"${pickOne(NOTES)}"` : ''].join(';'));
}
writeFileSync(join(dir, 'survey.csv'), `\uFEFF${csvRows.join('\r\n')}\r\n`);

writeFileSync(
  join(dir, 'baseline.mjs'),
  `import { readFileSync } from 'node:fs';
import { parse } from '${join(ROOT, 'node_modules/yaml/dist/index.js').replace(/\\/g, '/')}';
const files = JSON.parse(readFileSync(${JSON.stringify(join(dir, 'files.json'))}, 'utf8'));
let n = 0;
for (const f of files) n += Object.keys(parse(readFileSync(f, 'utf8')).answers).length;
console.log(n);
`,
);

if (ONLY_GENERATE) {
  console.log(dir);
  process.exit(0);
}

/** Runs a command `RUNS` times under /usr/bin/time; the median wall time and the largest peak RSS. */
function measure(name, args) {
  const walls = [];
  let rss = 0;
  let code = 0;
  for (let r = 0; r < RUNS; r++) {
    const res = spawnSync('/usr/bin/time', ['-f', '%e %M', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const m = /(\d+(?:\.\d+)?) (\d+)\s*$/.exec(res.stderr);
    if (!m) throw new Error(`${name}: ${res.stderr}`);
    walls.push(Number(m[1]));
    rss = Math.max(rss, Number(m[2]) / 1024);
    code = res.status ?? -1;
  }
  walls.sort((a, b) => a - b);
  return { name, wall: walls[Math.floor(walls.length / 2)], rss, code };
}

const village = [process.execPath, join(ROOT, 'bin/village.js'), 'score'];
const results = [
  measure('baseline: read + yaml.parse in one loop', [process.execPath, join(dir, 'baseline.mjs')]),
  measure(`village score ${FILES} YAML files`, [...village, filesDir, '--format', 'json']),
  measure(`village score ${ROWS}-row CSV`, [...village, join(dir, 'survey.csv'), '--format', 'json']),
];
if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });

const [base, yaml, csv] = results;
console.log(`\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${RUNS} runs\n`);
console.log('| run | wall (s) | files/s | peak RSS (MB) |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of results) {
  const n = r === csv ? ROWS : FILES;
  console.log(`| ${r.name} | ${r.wall.toFixed(2)} | ${Math.round(n / r.wall)} | ${r.rss.toFixed(0)} |`);
}
const checks = [
  [`${FILES} files under 3 s`, yaml.wall < 3],
  ['within 1.5x of the baseline', yaml.wall <= 1.5 * base.wall],
  ['peak RSS under 300 MB', yaml.rss < 300 && csv.rss < 300],
  [`${ROWS}-row CSV under 1.5 s`, csv.wall < 1.5],
  ['exit codes 0', yaml.code === 0 && csv.code === 0],
];
console.log('');
for (const [what, ok] of checks) console.log(`${ok ? 'met    ' : 'MISSED '} ${what}`);
console.log(`\nvillage score / baseline: ${(yaml.wall / base.wall).toFixed(2)}x`);
