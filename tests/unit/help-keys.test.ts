import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { helpText } from '../../src/i18n/messages.js';
import type { Streams } from '../../src/io/terminal.js';

const streams = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: {} } as unknown as Streams;
const key = (flags: string | undefined): string => (flags ?? '').replace(/^--?/, '');

describe('--help in every bundled language', () => {
  // Each command, option and argument has a help.* key (the English literal in src/cli is only a fallback).
  it.each(['en', 'lv', 'de'])('%s has a help text for every command, option and argument', (lang) => {
    const program = buildProgram(streams, { exit: 0, lang, term: undefined });
    const missing: string[] = [];
    for (const cmd of program.commands) {
      const name = cmd.name();
      if (helpText(lang, name) === undefined) missing.push(name);
      for (const o of cmd.options) {
        const k = key(o.long ?? o.short);
        if (helpText(lang, `${name}.${k}`) === undefined && helpText(lang, `option.${k}`) === undefined) missing.push(`${name}.${k}`);
      }
      for (const a of cmd.registeredArguments) if (helpText(lang, `${name}.${a.name()}`) === undefined) missing.push(`${name}.${a.name()}`);
    }
    expect(missing).toEqual([]);
  });
});
