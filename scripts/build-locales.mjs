// The catalogues of the kit's words (locales/<lang>.yaml) at build time.
//   node scripts/build-locales.mjs keys    before tsc: writes src/i18n/keys.ts (the key types) from locales/en.yaml
//   node scripts/build-locales.mjs         after tsc: checks every bundled catalogue against the English one
//                                          (keys, placeholders, shapes) and writes dist/locales/<lang>.json and
//                                          dist/locales/index.json; a catalogue with a problem fails the build.
// LOCALES_DIR overrides the folder (the test that a broken catalogue fails the build uses a temporary copy).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = process.env.LOCALES_DIR ?? join(root, 'locales');
const read = (lang) => parse(readFileSync(join(dir, `${lang}.yaml`), 'utf8'));
const SECTIONS = ['messages', 'labels', 'words', 'help'];

if (process.argv[2] === 'keys') {
  const en = read('en');
  const list = (section) => Object.keys(en[section] ?? {}).map((k) => `  ${JSON.stringify(k)},`).join('\n');
  const ts = `// Generated from locales/en.yaml by scripts/build-locales.mjs (npm run build): do not edit.
// The keys of the kit's catalogues; every bundled catalogue has exactly these (checked at build).
${SECTIONS.map((s) => `export const ${s.toUpperCase()}_KEYS = [\n${list(s)}\n] as const;`).join('\n')}
export type MessageCode = (typeof MESSAGES_KEYS)[number];
export type LabelKey = (typeof LABELS_KEYS)[number];
export type WordKey = (typeof WORDS_KEYS)[number];
export type HelpKey = (typeof HELP_KEYS)[number];
`;
  const target = join(root, 'src/i18n/keys.ts');
  let old = '';
  try {
    old = readFileSync(target, 'utf8');
  } catch {
    // first build
  }
  if (old !== ts) writeFileSync(target, ts);
} else {
  const { checkCatalogue } = await import('../dist/i18n/check.js');
  const en = read('en');
  const langs = readdirSync(dir).filter((f) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*\.yaml$/.test(f)).map((f) => f.slice(0, -5)).sort();
  const out = process.env.LOCALES_OUT ?? join(root, 'dist/locales');
  mkdirSync(out, { recursive: true });
  const names = {};
  let failed = 0;
  for (const lang of langs) {
    const cat = read(lang);
    const problems = checkCatalogue(cat, en, { strict: true });
    for (const p of problems) process.stderr.write(`locales/${lang}.yaml: ${p.path.join('.')}: ${p.code} ${JSON.stringify(p.params)}\n`);
    failed += problems.length;
    names[lang] = cat.labels?.['lang.name'] ?? lang;
    writeFileSync(join(out, `${lang}.json`), JSON.stringify(cat));
  }
  writeFileSync(join(out, 'index.json'), JSON.stringify({ languages: langs, names }));
  if (failed > 0) {
    process.stderr.write(`build-locales: ${failed} problem(s) in the bundled catalogues (see above)\n`);
    process.exit(1);
  }
}
