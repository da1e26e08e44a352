import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../src/core/framework.js';
import { parseCell } from '../../src/core/csv-map.js';
import { csvWords } from '../../src/i18n/csv-words.js';
import { kindOf, loadFramework, loadResponse, readYaml, responseFrom } from '../../src/io/load.js';
import { readText } from '../../src/io/read.js';
import { ROOT, noStack, tempDir } from '../helpers/cli.js';
import { CRITERIA } from '../helpers/answers.js';
import { run } from '../helpers/run.js';

/**
 * Hostile and broken input, generated from a seed (issue 9): a few thousand YAML answer files and
 * CSV exports, each mutated the ways the attack review found breaks (prototype keys, tags,
 * directives, float literals, Unicode whitespace, lone CRs, control characters, truncation, byte
 * flips, aliases, duplicate and collection keys). Every file must be read in bounded time; `score`
 * and `validate` must agree on which are accepted; no run may end in exit 70 or print a stack; and
 * every accepted YAML file must mean what the reference YAML 1.2 reading (`yaml`, unique keys) says.
 */

const SEED = 90_210;
const YAML_FILES = 2000;
const CSV_FILES = 400;
/** Per file, generous for a busy shared machine: the review's worst files took minutes. */
const PER_FILE_MS = 2000;

function rng(seed: number): { rand: () => number; one: <T>(xs: readonly T[]) => T; int: (n: number) => number } {
  let s = seed;
  const rand = (): number => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return { rand, one: (xs) => xs[Math.floor(rand() * xs.length)] as (typeof xs)[number], int: (n) => Math.floor(rand() * n) };
}

const SCORES = [
  '3', '0', '4', '9', '-1', '3.0', '3.', '1e0', '30e-1', '2.9999999999999999', '4.0000000000000001', '1e-400', '-0', '-0.0', '.inf', '.nan',
  '0x3', '0o3', '"3"', "'3'", 'true', 'null', '~', '', 'n/a', 'N/A', '3\u00a0', '3\u3000', '3\ufeff', '3\u000b', '!!float 3', '!!int 3',
  '!!str 3', '!!set { a }', '!foo 3', '! 3', '{ score: 3 }', '{ score: 3.0, note: x }', '{ score: 3, __proto__: 4 }', '[3]', '{ }',
  '&a 3', '*a', '3 # c', '"\\x1b[2J"', '3\u2028', '{ score: 1e0 }',
];
const NAMES = ['Ērgļi', 'Alsunga', 'Evil\u001b]0;PWNED\u0007\u001b[2J', 'A\nB', 'a\u202egpj.exe', 'NUL.txt', '"quoted"', 'x'.repeat(2000), 'Ghost', ' ', 'Ē\u0304rgļi'];
const KEYS = ['__proto__', 'constructor', 'prototype', 'strategy.vision', '[a]', '? [a, b]', '"strategy.vision"', 'strategy.unknown', 'Strategy.Vision', '<<'];

/** One answers file: a valid base with one to three mutations. */
function yamlCase(r: ReturnType<typeof rng>): string {
  const lines = ['schema: village-kit/answers@1', 'framework: smart-village-lv', `village: ${JSON.stringify(r.one(NAMES))}`, 'answers:'];
  const ids = CRITERIA.slice(0, 3 + r.int(6));
  for (const id of ids) lines.push(`  ${id}: ${r.one(['3', '2', 'n/a', 'null', '{ score: 4, note: "Jā, 2025. gadā" }'])}`);
  const mutations = 1 + r.int(3);
  for (let m = 0; m < mutations; m++) {
    const at = 4 + r.int(ids.length);
    switch (r.int(14)) {
      case 0:
      case 1:
      case 2:
        lines[at] = `  ${ids[at - 4] ?? 'strategy.vision'}: ${r.one(SCORES)}`;
        break;
      case 3:
        lines.splice(at, 0, `  ${r.one(KEYS)}: ${r.one(SCORES)}`);
        break;
      case 4:
        lines.splice(r.int(lines.length), 0, r.one(['__proto__: { village: Ghost }', 'constructor: 1', '[x]: 1', 'village: Twice', 'extra: 1', '<<: { a: 1 }']));
        break;
      case 5:
        lines.unshift(r.one(['%YAML 1.1\n---', '%YAML 1.2\n---', '%TAG !x! tag:x,2026:\n---', '%FOO bar\n---', '--- !!map', '\ufeff']));
        break;
      case 6:
        lines[at] = (lines[at] ?? '').replace(/^ {2}/, r.one(['\t', '\u00a0 ', '\u2003 ', '   ', ' ', '\ufeff ']));
        break;
      case 7:
        lines.splice(at, 0, '  strategy.vision: &a 3', ...Array.from({ length: r.int(3) * 60 }, () => '  # *a'));
        break;
      case 8:
        lines.push(r.one(['x: &v 1', 'y: [*v, *v]', 'z: *nope', 'a: b: c', '- item', '"unclosed', '{ open', 'k: "\\q"']));
        break;
      default:
        break;
    }
  }
  let text = lines.join(r.rand() < 0.8 ? '\n' : r.one(['\r\n', '\r', '\u2028', '\u0085'])) + '\n';
  const damage = r.int(10);
  if (damage === 0) text = text.slice(0, r.int(text.length));
  else if (damage === 1) {
    const i = r.int(text.length);
    text = text.slice(0, i) + String.fromCharCode(r.int(128)) + text.slice(i + 1);
  } else if (damage === 2) {
    const i = r.int(text.length);
    text = text.slice(0, i) + r.one(['\u0000', '\u001b[31m', '\ud800', '\r', '\u00a0', '\u200b', '\t', ':', '#', '"', "'", '&x ', '*x']) + text.slice(i);
  }
  return text;
}

const CELLS = ['3', '0', '4', '9', '3.5', '1-2', '2:3', '3 5', '3,5', 'n/a', '', 'x', '"3"', '=1+1', '\u00a03', '2 – Aizsākts', 'Darbojas', '3.0', '-1', '1e0'];

/** One CSV export: a header of known (and sometimes odd) columns and a few rows. */
function csvCase(r: ReturnType<typeof rng>): string {
  const sep = r.one([',', ';', '\t']);
  const quote = (c: string): string => (/[",;\t\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const header = ['village', ...CRITERIA.slice(0, 2 + r.int(4))];
  if (r.rand() < 0.2) header.push(r.one(['\u001b[2Jcolumn', 'a\nb', 'strategy.vision', 'note [x]', ' '.repeat(500)]));
  const rows = [header, ...Array.from({ length: 1 + r.int(6) }, () => [r.one(NAMES), ...header.slice(1).map(() => r.one(CELLS))])];
  let text = rows.map((row) => row.map(quote).join(sep)).join(r.rand() < 0.8 ? '\r\n' : r.one(['\n', '\r'])) + '\n';
  if (r.rand() < 0.1) text = text.slice(0, r.int(text.length));
  if (r.rand() < 0.1) text = `${text}"unclosed${sep}3\n`;
  return text;
}

/**
 * What the reference YAML 1.2 reading says the accepted file's village and scores are. A score
 * written as text ("3", "N/A", "3<NBSP>") is read through the documented answer vocabulary, the
 * same for YAML and CSV (docs/formats.md 3.3).
 */
function referenceMeaning(text: string, fw: Framework): { village: string; scores: Map<string, unknown> } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, version: '1.2' });
  if (doc.errors.length > 0) return undefined;
  const data = doc.toJS({ maxAliasCount: 101 }) as { village?: unknown; answers?: Record<string, unknown> };
  const scores = new Map<string, unknown>();
  for (const [id, v] of Object.entries(data.answers ?? {})) {
    const given = v !== null && typeof v === 'object' ? ((v as { score?: unknown }).score ?? null) : v;
    const criterion = fw.criteria.get(id);
    const score = typeof given === 'string' && criterion ? parseCell(given, criterion, fw, undefined, csvWords()) : given;
    // -0 is the score 0 (the kit says 0).
    scores.set(id, score === 0 ? 0 : score);
  }
  return { village: String(data.village).trim(), scores };
}

describe('hostile and broken input, fuzzed (seeded)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const r = rng(SEED);
  const files: string[] = [];
  for (let i = 0; i < YAML_FILES; i++) {
    const f = join(tmp.dir, `y${String(i).padStart(4, '0')}.yaml`);
    writeFileSync(f, yamlCase(r));
    files.push(f);
  }
  for (let i = 0; i < CSV_FILES; i++) {
    const f = join(tmp.dir, `c${String(i).padStart(4, '0')}.csv`);
    writeFileSync(f, csvCase(r));
    files.push(f);
  }
  const fw = loadFramework(join(ROOT, 'criteria', 'smart-village.yaml')).value as Framework;

  it('reads every YAML file in bounded time, and each accepted one means what YAML 1.2 says', () => {
    let accepted = 0;
    for (const file of files.filter((f) => f.endsWith('.yaml'))) {
      const started = performance.now();
      const scored = loadResponse(file, fw);
      const { parsed } = readYaml(file);
      const validated = parsed && kindOf(parsed, file).kind === 'answers' ? responseFrom(parsed, file, fw) : null;
      expect(performance.now() - started, file).toBeLessThan(PER_FILE_MS);
      // score (fast path first) and validate (full parse) accept the same files.
      expect(scored.value !== null, file).toBe(validated?.value != null);
      if (!scored.value) continue;
      accepted++;
      const text = readText(file).text ?? '';
      const meaning = referenceMeaning(text, fw);
      expect(meaning, `accepted, but YAML 1.2 refuses it: ${JSON.stringify(text)}`).toBeDefined();
      expect(scored.value.village, JSON.stringify(text)).toBe(meaning?.village);
      expect(new Map([...scored.value.answers].map(([id, a]) => [id, a.score === 0 ? 0 : a.score])), JSON.stringify(text)).toEqual(meaning?.scores);
    }
    // The test means nothing if every file were refused.
    expect(accepted).toBeGreaterThan(YAML_FILES / 10);
  });

  it('score and validate agree file by file as commands, with no exit 70 and no stack', async () => {
    const env = { VILLAGE_THREADS: '1' };
    const score = await run(['score', tmp.dir, '--format', 'json'], { env });
    const validate = await run(['validate', tmp.dir, '--format', 'json'], { env });
    for (const res of [score, validate]) {
      expect(res.code).toBe(1);
      expect(noStack(res.stderr)).toBe(true);
    }
    const scoreErrors = new Set(
      (JSON.parse(score.stdout) as { errors: { file: string }[] }).errors.map((e) => e.file.replace(/:\d+$/, '')),
    );
    const report = JSON.parse(validate.stdout) as { files: { file: string; valid: boolean }[]; diagnostics: { message: string }[] };
    expect(report.files).toHaveLength(files.length);
    for (const f of report.files) expect(scoreErrors.has(f.file), f.file).toBe(!f.valid);
    // Every message is one clean line: no raw control characters reach the terminal.
    // eslint-disable-next-line no-control-regex -- what must not be there
    for (const d of report.diagnostics) expect(d.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
  }, 120_000);
});
