import type { Terminal } from './terminal.js';

export interface Progress {
  tick(n?: number): void;
  /** More work became known (plans to write after loading): the total grows by n. */
  extend(n: number): void;
  done(): void;
}

const NONE: Progress = { tick: () => undefined, extend: () => undefined, done: () => undefined };

/**
 * A progress line on stderr for long runs (files done / total, rate, ETA), redrawn at most
 * every 100 ms; nothing at all when stderr is not a terminal.
 */
export function progress(term: Terminal, total: number, what: string, now: () => number = Date.now): Progress {
  if (!term.errIsTTY) return NONE;
  const started = now();
  let done = 0;
  let drawn = 0;
  let shown = false;
  const draw = (): void => {
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    const width = 24;
    const filled = Math.round((done / total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    term.err(`\r${bar} ${done}/${total} ${what}  ${rate.toFixed(0)}/s  ETA ${eta}s\x1b[K`);
    shown = true;
  };
  return {
    extend(n) {
      total += n;
    },
    tick(n = 1) {
      done += n;
      if (total < 2) return;
      const t = now();
      // Only start drawing after half a second: short runs stay quiet.
      if (t - started > 500 && t - drawn > 100) {
        drawn = t;
        draw();
      }
    },
    done() {
      if (shown) term.err('\r\x1b[K');
    },
  };
}
