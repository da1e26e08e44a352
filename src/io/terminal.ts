import { once } from 'node:events';
import { Chalk, type ChalkInstance } from 'chalk';

export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  /** Standard input, for commands that read `-` (validate). */
  stdin?: NodeJS.ReadableStream;
}

/** Colour only on a terminal, never with NO_COLOR or --no-color; FORCE_COLOR forces it. */
export function colorFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, flag = true): ChalkInstance {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const on = flag && !env.NO_COLOR && (forced || (stream.isTTY === true && env.TERM !== 'dumb'));
  return new Chalk({ level: on ? 1 : 0 });
}

/** The terminal a command talks to: data to stdout, messages to stderr, each with its own colours. */
export interface Terminal {
  out: (data: string | Uint8Array) => void;
  /** Resolves when standard output has taken what it was given (a slow pipe): long output waits here instead of piling up in memory. */
  drained?: () => Promise<void>;
  err: (text: string) => void;
  color: ChalkInstance;
  errColor: ChalkInstance;
  isTTY: boolean;
  errIsTTY: boolean;
  columns: number;
  /** The terminal's height (24 when unknown): long choice lists page to fit. */
  rows: number;
  env: NodeJS.ProcessEnv;
}

export function terminal(streams: Streams, colorFlag = true): Terminal {
  return {
    out: (d) => void streams.stdout.write(d),
    drained: () => ((streams.stdout as { writableNeedDrain?: boolean }).writableNeedDrain ? once(streams.stdout, 'drain').then(() => undefined) : Promise.resolve()),
    err: (t) => void streams.stderr.write(t),
    color: colorFor(streams.stdout, streams.env, colorFlag),
    errColor: colorFor(streams.stderr, streams.env, colorFlag),
    isTTY: streams.stdout.isTTY === true,
    errIsTTY: streams.stderr.isTTY === true,
    columns: streams.stdout.columns ?? 100,
    rows: streams.stdout.rows ?? 24,
    env: streams.env,
  };
}
