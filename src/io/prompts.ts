import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Ctrl-C, Ctrl-D, or the terminal went away, during a prompt. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

export interface Choice<T> {
  value: T;
  name: string;
  /** A letter that picks this choice at once (shown in front of it). */
  key?: string;
}

export type Item<T> = Choice<T> | 'separator';

/** One key as the screens see it: a printable character, a named key, a Ctrl letter, or pasted text. */
export type Key =
  | { name: 'char'; text: string }
  | { name: 'paste'; text: string }
  | { name: 'ctrl'; text: string }
  | { name: 'edited'; text: string }
  | {
      name: 'enter' | 'newline' | 'up' | 'down' | 'left' | 'right' | 'pageup' | 'pagedown' | 'home' | 'end' | 'escape' | 'backspace' | 'tab';
    };

export interface Size {
  cols: number;
  rows: number;
}

/** What a screen draws: its lines (each fits one row), and where the cursor stands for typing (else hidden). */
export interface Frame {
  lines: string[];
  cursor?: { row: number; col: number };
}

export type Step<S, T> = { state: S } | { done: T } | { state: S; editor: string };

/**
 * A screen that redraws itself from its state: `render` for a size (and in plain mode: once,
 * linear, no glyph bars), `key` for the next state or the result. Pure, so tests feed keys to it.
 */
export interface KeyScreen<S, T> {
  state: S;
  render: (state: S, size: Size, plain: boolean) => Frame;
  key: (state: S, key: Key) => Step<S, T>;
  /** Text entry (plain mode reads a whole line as typed text) rather than a choice (a line of keys). */
  textual?: boolean;
  /** Plain mode: the line asked for after the screen (e.g. "Score (0-4, n, s, b, o, r):"). */
  ask?: (state: S) => string;
}

/**
 * The prompts `assess` uses: full screens that fit the terminal and follow its size, or plain
 * linear questions (`--plain`, screen readers, tiny terminals). Ctrl-C becomes Interrupted.
 */
export interface Prompts {
  screen<S, T>(ks: KeyScreen<S, T>): Promise<T>;
  choose<T>(message: string, items: readonly Item<T>[], opts?: { default?: T; above?: string; hint?: string }): Promise<T>;
  text(message: string, opts?: { default?: string; required?: string; above?: string; hint?: string }): Promise<string>;
  /** True when screens are drawn linearly (no redraws). */
  plain: boolean;
}

// --- keys --------------------------------------------------------------------------------------

const SEQUENCES: Record<string, Key> = {
  '[A': { name: 'up' },
  '[B': { name: 'down' },
  '[C': { name: 'right' },
  '[D': { name: 'left' },
  OA: { name: 'up' },
  OB: { name: 'down' },
  OC: { name: 'right' },
  OD: { name: 'left' },
  '[H': { name: 'home' },
  '[F': { name: 'end' },
  OH: { name: 'home' },
  OF: { name: 'end' },
  '[1~': { name: 'home' },
  '[4~': { name: 'end' },
  '[5~': { name: 'pageup' },
  '[6~': { name: 'pagedown' },
};

/** Splits what the terminal sent into keys; text between bracketed-paste marks stays one paste, line breaks and all. */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < data.length) {
    if (data.startsWith('\x1b[200~', i)) {
      const end = data.indexOf('\x1b[201~', i + 6);
      const text = data.slice(i + 6, end < 0 ? data.length : end);
      keys.push({ name: 'paste', text: text.replace(/\r\n?/g, '\n') });
      i = end < 0 ? data.length : end + 6;
      continue;
    }
    const ch = data[i] ?? '';
    if (ch === '\x1b') {
      const rest = data.slice(i + 1);
      const m = /^(\[[0-9;]*[A-Za-z~]|O[A-Z])/.exec(rest);
      if (m) {
        const seq = m[1] ?? '';
        const known = SEQUENCES[seq.replace(/^\[1;\d/, '[')] ?? SEQUENCES[seq];
        if (known) keys.push(known);
        i += 1 + seq.length;
      } else {
        keys.push({ name: 'escape' });
        i += 1;
      }
      continue;
    }
    const cp = data.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(cp);
    i += char.length;
    if (char === '\r') keys.push({ name: 'enter' });
    else if (char === '\n') keys.push({ name: 'newline' });
    else if (char === '\t') keys.push({ name: 'tab' });
    else if (char === '\x7f' || char === '\b') keys.push({ name: 'backspace' });
    else if (cp < 32) keys.push({ name: 'ctrl', text: String.fromCharCode(cp + 96) });
    else keys.push({ name: 'char', text: char });
  }
  return keys;
}

// --- fitting text into rows --------------------------------------------------------------------

/** Columns a character takes: 2 for wide ones (CJK, most emoji), 0 for combining marks. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 32 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (/\p{Mn}|\p{Me}|\u200b|\u200d|\ufe0f/u.test(ch)) return 0;
  if (/\p{Extended_Pictographic}/u.test(ch) && cp > 0x2000) return cp >= 0x1f000 ? 2 : 1;
  if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60))
    return 2;
  return 1;
}

// eslint-disable-next-line no-control-regex -- colour codes are escapes
export const textWidth = (s: string): number => Array.from(s.replace(/\x1b\[[0-9;]*m/g, '')).reduce((n, c) => n + charWidth(c), 0);

/** Cuts a line (colour codes kept) to `cols` columns, ending in … when cut. */
export function fitLine(line: string, cols: number): string {
  if (textWidth(line) <= cols) return line;
  let out = '';
  let used = 0;
  for (let i = 0; i < line.length; ) {
    // eslint-disable-next-line no-control-regex -- colour codes are escapes
    const esc = /^\x1b\[[0-9;]*m/.exec(line.slice(i));
    if (esc) {
      out += esc[0];
      i += esc[0].length;
      continue;
    }
    const ch = String.fromCodePoint(line.codePointAt(i) ?? 32);
    const w = charWidth(ch);
    if (used + w > cols - 1) break;
    out += ch;
    used += w;
    i += ch.length;
  }
  return `${out}…\x1b[0m`;
}

/** Control characters of a typed or pasted text as visible marks (a line break stays a line break elsewhere). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
export const visible = (s: string): string => s.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '�');

// --- generic screens: a list, a text -----------------------------------------------------------

interface ListState {
  at: number;
}

const selectable = <T>(items: readonly Item<T>[]): number[] => items.flatMap((it, i) => (it === 'separator' ? [] : [i]));

/** A list of choices: ↑↓ (and PgUp/PgDn) move, Enter picks, a choice's letter picks it at once. */
export function listScreen<T>(message: string, items: readonly Item<T>[], opts: { default?: T; above?: string; hint: string; plainHint: string }): KeyScreen<ListState, T> {
  const idx = selectable(items);
  const start = Math.max(
    0,
    idx.findIndex((i) => {
      const it = items[i];
      return it !== 'separator' && it !== undefined && opts.default !== undefined && JSON.stringify(it.value) === JSON.stringify(opts.default);
    }),
  );
  const nameOf = (i: number): string => {
    const it = items[i];
    return it === undefined || it === 'separator' ? '' : `${it.key ? `[${it.key}] ` : ''}${it.name}`;
  };
  return {
    state: { at: start },
    render(s, size, plain) {
      const above = opts.above ? opts.above.split('\n') : [];
      if (plain) {
        const lines = [...above, message];
        idx.forEach((i, n) => lines.push(`  ${n + 1}. ${nameOf(i)}`));
        return { lines };
      }
      const head = [...above, message];
      const room = Math.max(1, size.rows - head.length - 2);
      const rows = items.map((it, i) => (it === 'separator' ? '  ──' : `${idx[s.at] === i ? '❯ ' : '  '}${nameOf(i)}`));
      const sel = idx[s.at] ?? 0;
      const top = Math.max(0, Math.min(sel - Math.floor(room / 2), rows.length - room));
      const shown = rows.slice(top, top + room);
      // A list longer than the room says so at its ends.
      if (top > 0) shown[0] = '  ↑ …';
      if (top + room < rows.length) shown[shown.length - 1] = '  ↓ …';
      const all = [...head, ...shown, '', opts.hint];
      // Text above the list gives way first, so the list and the key line stay on screen.
      return { lines: all.length > size.rows ? all.slice(all.length - size.rows) : all };
    },
    key(s, k) {
      const n = idx.length;
      switch (k.name) {
        case 'up':
          return { state: { at: Math.max(0, s.at - 1) } };
        case 'down':
          return { state: { at: Math.min(n - 1, s.at + 1) } };
        case 'pageup':
          return { state: { at: Math.max(0, s.at - 10) } };
        case 'pagedown':
          return { state: { at: Math.min(n - 1, s.at + 10) } };
        case 'home':
          return { state: { at: 0 } };
        case 'end':
          return { state: { at: n - 1 } };
        case 'enter': {
          const it = items[idx[s.at] ?? -1];
          return it && it !== 'separator' ? { done: it.value } : { state: s };
        }
        case 'char': {
          const byKey = idx.find((i) => {
            const it = items[i];
            return it !== 'separator' && it?.key !== undefined && it.key.toLowerCase() === k.text.toLowerCase();
          });
          const it = byKey === undefined ? undefined : items[byKey];
          if (it && it !== 'separator') return { done: it.value };
          return { state: s };
        }
        default:
          return { state: s };
      }
    },
    ask: () => opts.plainHint,
  };
}

/** Plain mode for a list: a number picks the n-th choice. */
function plainList<T>(ks: KeyScreen<ListState, T>, items: readonly Item<T>[]): KeyScreen<ListState, T> {
  const idx = selectable(items);
  return {
    ...ks,
    key(s, k) {
      if (k.name === 'paste') {
        const n = Number(k.text.trim());
        const it = Number.isInteger(n) ? items[idx[n - 1] ?? -1] : undefined;
        if (it && it !== 'separator') return { done: it.value };
        if (k.text.trim() === '') return ks.key(s, { name: 'enter' });
        const t = k.text.trim();
        return t.length === 1 ? ks.key(s, { name: 'char', text: t }) : { state: s };
      }
      return ks.key(s, k);
    },
  };
}

export interface TextState {
  text: string;
  /** Set once a key was typed: Enter then saves what is there (until then, the default). */
  touched: boolean;
  error?: string;
}

/** One line of text (pastes keep their line breaks); Enter confirms, Tab takes the default in for editing. */
export function textScreen(message: string, opts: { default?: string; required?: string; above?: string; hint: string }): KeyScreen<TextState, string> {
  return {
    state: { text: '', touched: false },
    textual: true,
    render(s, size, plain) {
      const above = opts.above ? opts.above.split('\n') : [];
      const def = opts.default ? ` (${visible(opts.default).replace(/\n/g, ' ⏎ ')})` : '';
      if (plain) return { lines: [...above, `${message}${def}`] };
      const typed = visible(s.text).split('\n');
      const lines = [...above, `? ${message}${s.touched ? '' : def}`, ...typed.map((l) => `> ${l}`), ...(s.error ? [s.error] : []), '', opts.hint];
      const cut = lines.length > size.rows ? lines.length - size.rows : 0;
      const row = above.length + 1 + typed.length - cut;
      return { lines: lines.slice(cut), cursor: { row: Math.max(1, row), col: 3 + textWidth(typed[typed.length - 1] ?? '') } };
    },
    key(s, k) {
      switch (k.name) {
        case 'char':
        case 'paste':
        case 'edited':
          return { state: { text: k.name === 'edited' ? k.text : s.text + k.text, touched: true } };
        case 'newline':
          return { state: { text: `${s.text}\n`, touched: true } };
        case 'backspace':
          return { state: { text: Array.from(s.text).slice(0, -1).join(''), touched: true } };
        case 'tab':
          return s.touched || !opts.default ? { state: s } : { state: { text: opts.default, touched: true } };
        case 'enter': {
          const value = (s.touched ? s.text : (opts.default ?? '')).trim();
          if (opts.required && value === '') return { state: { ...s, error: opts.required } };
          return { done: value };
        }
        default:
          return { state: s };
      }
    },
  };
}

// --- the terminal ------------------------------------------------------------------------------

export interface PromptIo {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  plain: boolean;
  /** The list's key line, and plain mode's question, in the session's language. */
  hints: { list: string; text: string; plainList: string };
}

/** Opens $VISUAL/$EDITOR on `text` in a temporary file of its own and returns what was saved (null when the editor failed). */
function editText(text: string, env: NodeJS.ProcessEnv): string | null {
  const editor = env.VISUAL || env.EDITOR || (process.platform === 'win32' ? 'notepad' : 'vi');
  const dir = mkdtempSync(join(tmpdir(), 'village-note-'));
  try {
    const file = join(dir, 'note.txt');
    writeFileSync(file, text);
    const r = spawnSync(editor, [file], { stdio: 'inherit', shell: process.platform === 'win32' || /\s/.test(editor) });
    if (r.status !== 0) return null;
    return readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Restores the terminal: cursor shown, paste marks off, cooked mode. Safe to call twice. */
export function restoreTerminal(input: NodeJS.ReadStream, output: NodeJS.WriteStream): void {
  if (input.isTTY && input.isRaw) input.setRawMode(false);
  if (output.isTTY) output.write('\x1b[?2004l\x1b[?25h');
}

function runRaw<S, T>(ks: KeyScreen<S, T>, io: PromptIo): Promise<T> {
  const { input, output } = io;
  return new Promise<T>((resolve, reject) => {
    let state = ks.state;
    const size = (): Size => ({ cols: Math.max(20, output.columns || 80), rows: Math.max(5, output.rows || 24) });
    const draw = (): void => {
      const sz = size();
      const frame = ks.render(state, sz, false);
      const lines = frame.lines.slice(0, sz.rows).map((l) => fitLine(l, sz.cols - 1));
      let out = `\x1b[?25l\x1b[H${lines.map((l) => `${l}\x1b[K`).join('\n')}\x1b[J`;
      if (frame.cursor) out += `\x1b[${Math.min(frame.cursor.row + 1, sz.rows)};${Math.min(frame.cursor.col + 1, sz.cols)}H\x1b[?25h`;
      output.write(out);
    };
    const stop = (): void => {
      input.off('data', onData);
      output.off('resize', draw);
      input.pause();
      restoreTerminal(input, output);
    };
    const start = (): void => {
      input.setRawMode(true);
      input.setEncoding('utf8');
      output.write('\x1b[?2004h\x1b[2J');
      input.on('data', onData);
      output.on('resize', draw);
      input.resume();
      draw();
    };
    const onData = (data: string): void => {
      for (const k of parseKeys(data)) {
        if (k.name === 'ctrl' && (k.text === 'c' || k.text === 'd')) {
          stop();
          reject(new Interrupted());
          return;
        }
        const step = ks.key(state, k);
        if ('done' in step) {
          stop();
          resolve(step.done);
          return;
        }
        state = step.state;
        if ('editor' in step) {
          stop();
          const edited = editText(step.editor, io.env);
          if (edited !== null) state = (() => {
            const r = ks.key(state, { name: 'edited', text: edited });
            return 'state' in r ? r.state : state;
          })();
          start();
          return;
        }
      }
      draw();
    };
    start();
  });
}

function runPlain<S, T>(ks: KeyScreen<S, T>, io: PromptIo): Promise<T> {
  const { input, output } = io;
  return new Promise<T>((resolve, reject) => {
    let state = ks.state;
    output.write(`\n${ks.render(state, { cols: output.columns || 80, rows: output.rows || 24 }, true).lines.join('\n')}\n`);
    const rl = createInterface({ input, output, terminal: false });
    let over = false;
    const finish = (f: () => void): void => {
      over = true;
      rl.close();
      process.off('SIGINT', onInt);
      f();
    };
    const onInt = (): void => finish(() => reject(new Interrupted()));
    process.on('SIGINT', onInt);
    rl.on('close', () => {
      if (!over) finish(() => reject(new Interrupted()));
    });
    const ask = (): void => void output.write(`${ks.ask ? ks.ask(state) : ""} `);
    ask();
    rl.on('line', (line) => {
      const keys: Key[] = ks.textual ? [...(line === '' ? [] : [{ name: 'paste', text: line } as Key]), { name: 'enter' }] : [{ name: 'paste', text: line }];
      for (const k of keys) {
        const step = ks.key(state, k);
        if ('done' in step) {
          finish(() => resolve(step.done));
          return;
        }
        state = step.state;
      }
      const frame = ks.render(state, { cols: 80, rows: 24 }, true);
      output.write(`${frame.lines[frame.lines.length - 1] ?? ''}\n`);
      ask();
    });
  });
}

/** The prompts on a real terminal. */
export function terminalPrompts(io: PromptIo): Prompts {
  const screen = <S, T>(ks: KeyScreen<S, T>): Promise<T> => (io.plain ? runPlain(ks, io) : runRaw(ks, io));
  return {
    plain: io.plain,
    screen,
    choose: (message, items, opts = {}) => {
      const ks = listScreen(message, items, { ...opts, hint: opts.hint ?? io.hints.list, plainHint: io.hints.plainList });
      return screen(io.plain ? plainList(ks, items) : ks);
    },
    text: (message, opts = {}) => screen(textScreen(message, { ...opts, hint: opts.hint ?? io.hints.text })),
  };
}
