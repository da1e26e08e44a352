import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { FIXTURES, ROOT } from '../helpers/cli.js';
import { openPdf } from '../helpers/pdf.js';
import { run } from '../helpers/run.js';

// Issue 15: the kit's words as data. A German framework gets a German plan; a language can be
// added from a catalogue file alone; a bundled catalogue with a missing key fails the build.

const dir = mkdtempSync(join(tmpdir(), 'village-locales-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DE = join(FIXTURES, 'de-framework.yaml');
const write = (name: string, text: string): string => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const answers = write(
  'kleinau.yaml',
  `schema: village-kit/answers@1
framework: smart-dorf-de
village: Kleinau
municipality: Kleinau-Land
date: 2026-03-14
answers:
  digital.breitband: { score: 2, note: "Nur das Oberdorf hat Glasfaser." }
  digital.dorfapp: 1
  mobilitaet.mitfahren: 3
  gemeinschaft.beteiligung: 3
`,
);

type Cat = { labels: Record<string, string> };
const cat = (lang: string): Cat => parse(readFileSync(join(ROOT, 'locales', `${lang}.yaml`), 'utf8')) as Cat;
const en = cat('en');
const de = cat('de');

/** The fixed parts of a template ("The way to {level}" -> ["The way to"]), long enough to be a tell. */
const fragments = (template: string): string[] =>
  template.split(/\{[^}]*\}/).map((s) => s.trim()).filter((s) => s.length >= 6);

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether `text` holds `f` as words of its own ("Village" in "Smart-Village-Aktionsplan" is German usage). */
const has = (text: string, f: string): boolean => new RegExp(`(?<![\\p{L}-])${escapeRe(f)}(?![\\p{L}-])`, 'iu').test(text);

/** Every English label that differs from the German one and would show if the plan were in English. */
const englishTells = (): [string, string][] =>
  Object.entries(en.labels).flatMap(([k, v]) => (v === de.labels[k] ? [] : fragments(v).map((f): [string, string] => [k, f])));

describe('a German framework gets a German plan', () => {
  it('Markdown: every heading is German and no English label remains', async () => {
    const r = await run(['report', answers, '--criteria', DE]);
    expect(r.code, r.stderr).toBe(0);
    const md = r.stdout;
    expect(englishTells().filter(([, f]) => has(md, f))).toEqual([]);
    // Every heading starts with a German label (or is a pillar title of the framework).
    const labels = Object.values(de.labels).flatMap(fragments).concat(['Digitale Dienste', 'Mobilität', 'Gemeinschaft']);
    const headings = [...md.matchAll(/^#+ (.+)$/gm)].map((m) => m[1] as string);
    expect(headings.length).toBeGreaterThan(5);
    for (const h of headings) expect(labels.some((l) => h.startsWith(l.split(':')[0] as string)), h).toBe(true);
    expect(md).toContain('# Smart-Village-Aktionsplan: Kleinau');
    expect(md).toMatch(/Gesamt: 35,2 \/ 100/); // a decimal comma
    expect(md).toContain('Der Weg zur Stufe „Leuchtturm“');
  });

  it('PDF: the same, read back from the file', async () => {
    const out = join(dir, 'kleinau.pdf');
    const r = await run(['report', answers, '--criteria', DE, '--format', 'pdf', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const pdf = openPdf(out);
    const text = pdf.text().replace(/\s+/g, ' ');
    pdf.close();
    expect(englishTells().filter(([, f]) => has(text, f))).toEqual([]);
    expect(text.toLowerCase()).toContain('smart-village-aktionsplan');
    expect(text).toContain('Seite 1 von');
  });

  it('English on request: --lang en gives the English texts of the same framework', async () => {
    const r = await run(['report', answers, '--criteria', DE, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('# Smart Village action plan: Kleinau');
    expect(r.stdout).toContain('Broadband');
  });

  it('init writes a German questionnaire', async () => {
    const r = await run(['init', '--criteria', DE, '--village', 'Kleinau']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Beantworten Sie jede Frage');
    expect(r.stdout).toContain('Haben alle Haushalte schnelles Internet?');
  });

  it('reads a German survey export: Dorf, Datum and "weiß nicht"', async () => {
    const csv = write('umfrage.csv', 'Dorf;Datum;Breitband;Dorf-App;Mitfahrangebote;Bürgerbeteiligung\nKleinau;14.03.2026;2;weiß nicht;k. A.;3\n');
    const r = await run(['score', csv, '--criteria', DE, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Kleinau');
  });

  it('--lang that neither the framework nor a catalogue has is a usage error', async () => {
    const r = await run(['report', answers, '--criteria', DE, '--lang', 'fi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"fi"');
  });

  it('help in the user language, before commander builds it', async () => {
    const lv = await run(['report', '--help', '--lang', 'lv']);
    expect(lv.stdout).toContain('Opcijas:');
    expect(lv.stdout).toContain('sagatavot viena ciema rīcības plānu');
    const deHelp = await run(['--help'], { env: { VILLAGE_LANG: 'de' } });
    expect(deHelp.stdout).toContain('Befehle:');
    expect(deHelp.stdout).toContain('Beispiele:');
  });
});

describe('a language from a catalogue file alone', () => {
  const fr = {
    schema: 'village-kit/messages@1',
    language: 'fr',
    locale: 'fr-FR',
    labels: { 'report.title': "Plan d'action du village intelligent", 'report.level': 'Où en est la communauté', 'col.overall': 'Global' },
    words: { 'plural.file': { one: '{n} fichier', other: '{n} fichiers' } },
  };
  const frFile = write('fr.yaml', stringify(fr));

  it('renders a plan in it (English for the keys it lacks, with no code change)', async () => {
    const r = await run(['report', answers, '--criteria', DE, '--lang', 'fr', '--messages', frFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("# Plan d'action du village intelligent: Kleinau");
    expect(r.stdout).toContain('## Où en est la communauté');
  });

  it('validate checks it: missing keys are warnings, a wrong placeholder an error', async () => {
    const ok = await run(['validate', frFile, '--format', 'json']);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain('missing');
    const bad = write('fr-bad.yaml', stringify({ ...fr, labels: { 'report.path': 'Vers {niveau}', 'report.titel': 'x' } }));
    const r = await run(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/fr-bad\.yaml:\d+:\d+: report\.path lacks the placeholder \{level\}/);
    expect(r.stdout).toContain('report.path has the placeholder {niveau}');
    expect(r.stdout).toContain('unknown key "labels.report.titel"');
  });
});

describe('the build checks the bundled catalogues', () => {
  const copy = (edit: (de: string) => string): ReturnType<typeof spawnSync> => {
    const tmp = mkdtempSync(join(tmpdir(), 'village-cat-'));
    for (const f of readdirSync(join(ROOT, 'locales'))) copyFileSync(join(ROOT, 'locales', f), join(tmp, f));
    writeFileSync(join(tmp, 'de.yaml'), edit(readFileSync(join(tmp, 'de.yaml'), 'utf8')));
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-locales.mjs')], {
      env: { ...process.env, LOCALES_DIR: tmp, LOCALES_OUT: join(tmp, 'out') },
      encoding: 'utf8',
    });
    rmSync(tmp, { recursive: true, force: true });
    return r;
  };

  it('passes on the real catalogues', () => {
    expect(copy((s) => s).status).toBe(0);
  });

  it('fails when a key is missing', () => {
    const r = copy((s) => s.replace(/^ {2}report\.footer: .*\n/m, ''));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('labels.report.footer');
  });

  it('fails when a placeholder is missing', () => {
    const r = copy((s) => s.replace('Geschrieben: {file}', 'Geschrieben'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('{file}');
  });
});
