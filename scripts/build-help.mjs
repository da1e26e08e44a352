// Writes `village --help` as it reads on a non-terminal (80 columns) in every language the kit
// has, to dist/help/<lang>.txt, so bin/village.js answers `--help` without loading the program.
// Run after tsc (npm run build); tests/e2e/cli.test.ts proves both paths print the same.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { Writable } from 'node:stream';
import { main } from '../dist/main.js';

const dist = new URL('../dist/', import.meta.url);
const locales = new URL('../locales/', import.meta.url);
const langs = existsSync(locales) ? readdirSync(locales).filter((f) => /^[a-z]{2,3}\.yaml$/.test(f)).map((f) => f.slice(0, -5)) : ['en', 'lv'];

const collector = () => {
  const chunks = [];
  const stream = new Writable({ write(c, _e, cb) { chunks.push(Buffer.from(c)); cb(); } });
  stream.isTTY = false;
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
};

mkdirSync(new URL('help/', dist), { recursive: true });
for (const lang of langs) {
  const out = collector();
  const err = collector();
  const code = await main(['--help'], { stdout: out.stream, stderr: err.stream, env: { VILLAGE_LANG: lang } });
  if (code !== 0 || err.text() !== '') throw new Error(`--help in ${lang}: exit ${code} ${err.text()}`);
  writeFileSync(new URL(`help/${lang}.txt`, dist), out.text());
}
