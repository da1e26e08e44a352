import { Chalk } from 'chalk';
import type { Terminal } from '../../src/io/terminal.js';

/** A terminal that records what a command writes, without colours. */
export function fakeTerminal(tty = true): Terminal & { output: () => string; errors: () => string } {
  let out = '';
  let err = '';
  const text = (d: string | Uint8Array): string => (typeof d === 'string' ? d : Buffer.from(d).toString('utf8'));
  return {
    out: (d) => void (out += text(d)),
    err: (d) => void (err += text(d)),
    color: new Chalk({ level: 0 }),
    errColor: new Chalk({ level: 0 }),
    isTTY: tty,
    errIsTTY: tty,
    columns: 100,
    rows: 40,
    env: {},
    output: () => out,
    errors: () => err,
  };
}
