#!/usr/bin/env node
// `village --version` and `village --help` on a non-terminal are answered from files the build
// wrote (dist/help/), without loading the program; everything else runs dist/main.js.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const quick = args.length === 1 && !process.stdout.isTTY ? await quickAnswer(args[0]) : null;
if (quick !== null) {
  process.stdout.on('error', () => process.exit(0));
  process.stdout.write(quick);
} else {
  const { run } = await import('../dist/main.js');
  await run();
}

async function quickAnswer(arg) {
  try {
    if (arg === '--version' || arg === '-V') return `${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`;
    if (arg !== '--help' && arg !== '-h') return null;
    const help = new URL('../dist/help/', import.meta.url);
    const { uiLanguage } = await import('../dist/core/locale.js');
    const langs = readdirSync(help).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4));
    const file = new URL(`${uiLanguage({ env: process.env }, langs, 'en')}.txt`, help);
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  } catch {
    return null;
  }
}
