import type * as JsYaml from 'js-yaml';
import { createRequire } from 'node:module';
import type * as YAML from 'yaml';
import type { Document, LineCounter, Node, Pair, YAMLError, YAMLMap } from 'yaml';
import { error, warning, type Diagnostic, type PathSegment } from '../core/diagnostic.js';
import { capDiagnostics } from '../core/limits.js';
import type { MessageCode } from '../i18n/messages.js';

// The full parser is needed only for files the fast readers refuse (and for their positions):
// loaded on first use, so a clean batch never pays for it.
let yamlLib: typeof YAML | undefined;
const lib = (): typeof YAML => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof YAML);
let jsYamlLib: typeof JsYaml | undefined;
/** js-yaml, loaded on the first quick reading (a run that reads only the prebuilt criteria never needs it). */
const jsYaml = (): typeof JsYaml => (jsYamlLib ??= createRequire(import.meta.url)('js-yaml') as typeof JsYaml);

/** Aliases beyond this many are refused (the "billion laughs" attack). No real file needs more. */
export const MAX_ALIASES = 100;

/** A key or value quoted in a message is cut to this many characters. */
const SHOWN = 60;

/** A plain scalar the YAML 1.2 core schema reads as a float (`3.0`, `1e0`, `.5`), not an integer. */
const FLOAT_LITERAL = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+)$/;

/** Keys that name the prototype machinery of JavaScript objects: refused, so no reading can mean two things. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The core schema's tags: the only explicit tags a file may carry. */
const CORE_TAGS: ReadonlySet<string> = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

/** A float literal whose value is a whole number, where it stands. Scores must not be written this way. */
export interface FloatLiteral {
  path: PathSegment[];
  source: string;
  line: number;
  column: number;
}

export interface ParsedYaml {
  doc: Document;
  lines: LineCounter;
  data: unknown;
  /** Plain scalars written as floats but holding whole numbers (`3.0`, `1e-400`, `2.9999999999999999`). */
  wholeFloats: FloatLiteral[];
}

export type YamlResult = { parsed: ParsedYaml; diagnostics: Diagnostic[] } | { parsed: null; diagnostics: Diagnostic[] };

const CODES: Partial<Record<YAMLError['code'], MessageCode>> = {
  TAB_AS_INDENT: 'yaml.tab',
  MISSING_CHAR: 'yaml.unclosed',
  BLOCK_AS_IMPLICIT_KEY: 'yaml.implicitKey',
  MULTILINE_IMPLICIT_KEY: 'yaml.implicitKey',
  MULTIPLE_DOCS: 'yaml.multipleDocs',
};

/** Parser errors that, at the start of an indented line, mean the line is indented wrongly. */
const INDENT_CODES = new Set<YAMLError['code']>(['BAD_INDENT', 'MISSING_CHAR', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'UNEXPECTED_TOKEN']);

/**
 * Text the fast path may read: nothing where js-yaml and the YAML 1.2 core reading of `yaml`
 * could differ, and nothing `parseYaml` refuses that js-yaml reads. No lone CR line ends, no
 * directives, tags, anchors, aliases or merge keys, no Unicode whitespace or control characters
 * beyond tab and line ends, no prototype keys (`__proto__`, `constructor`, `prototype`), no null
 * or empty keys (js-yaml names them "null", `yaml` ""), and nothing that looks like a float
 * literal (`3.0`, `1e0`: a whole-number float is refused as a score). Anything else goes to
 * `parseYaml`, which is the one meaning of a file (tests/unit/yaml-fast-path.test.ts checks the
 * two agree on every text this lets through). Every alternative is bounded: linear in the text.
 */
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
  /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/u;
/** The same, for the syntax: looked for outside whole-line comments (which hold prose, "1.3," or "*"). */
const UNSAFE_SYNTAX = /^%|[!&*]|<<|__proto__|constructor|prototype|(?:^|[\s{,[])(?:null|Null|NULL|~)?:(?=\s|$)/mu;
/**
 * Float literals. Both readers agree on their values; what only `parseYaml` sees is that a whole
 * value was written as a float (`3.0`, `1e0`, `2.9999999999999999`), which is refused as a score.
 * So a float whose value is not whole (a weight, `coverage_min: 0.55`) may take the fast path.
 */
const FLOATS = /(?:^|[\s:{,[])([-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+(?=[eE]))(?:[eE][-+]?[0-9]+)?)[ \t]*(?=$|[,}\]]|[ \t]#)/gmu;
const COMMENT_LINES = /^[ \t]*#.*$/gm;
function unsafe(text: string): boolean {
  if (UNSAFE_CHARACTERS.test(text)) return true;
  const code = text.replace(COMMENT_LINES, '');
  if (UNSAFE_SYNTAX.test(code)) return true;
  for (const m of code.matchAll(FLOATS)) if (Number.isInteger(Number(m[1]))) return true;
  return false;
}

/**
 * The fast path for valid files: js-yaml (YAML 1.2 core schema, about three times faster than
 * `yaml`) on text that `unsafe` lets through, duplicate keys refused. Undefined whenever it has
 * any doubt; callers then parse with `parseYaml`, which alone reports problems (with positions).
 */
export function quickParse(text: string): { data: unknown } | undefined {
  if (unsafe(text)) return undefined;
  try {
    return { data: jsYaml().load(text, { maxAliases: 0 }) };
  } catch {
    return undefined;
  }
}

/**
 * Parses YAML 1.2 (core schema: `no` stays a string) with positions. Refused, each with its line
 * and column: syntax errors, duplicate keys (found with one set per mapping: linear), keys that
 * are collections or prototype names, tags outside the core schema, directives other than
 * `%YAML 1.2`, and more than MAX_ALIASES aliases.
 */
export function parseYaml(text: string, file: string): YamlResult {
  const { LineCounter, parseDocument } = lib();
  const lines = new LineCounter();
  // uniqueKeys off: the library's own check compares every key with every other (quadratic);
  // `inspect` finds duplicates with a set instead. logLevel 'error': no process warnings.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, version: '1.2', logLevel: 'error' });
  const place = (d: Diagnostic, offset: number, end = offset + 1): Diagnostic => {
    const { line, col } = lines.linePos(offset);
    const e = lines.linePos(Math.max(end, offset + 1));
    return { ...d, file, line, column: col, endLine: e.line, endColumn: e.col };
  };
  const diagnostics: Diagnostic[] = [];
  // Every syntax error the parser finds, one per line (the parser's follow-on errors on the same
  // line are noise); indentation errors point at the first character of the line, not column 1.
  const found: { at: number; from: number; line: number; d: Diagnostic }[] = [];
  for (const e of doc.errors) {
    if (e.code === 'DUPLICATE_KEY') continue;
    let offset = e.pos[0];
    let code: MessageCode = /call stack/i.test(e.message) ? 'yaml.tooDeep' : (CODES[e.code] ?? 'yaml.syntax');
    let { line, col } = lines.linePos(offset);
    let lineStart = offset - (col - 1);
    let indent = /^ */.exec(text.slice(lineStart))?.[0].length ?? 0;
    if (INDENT_CODES.has(e.code) && code !== 'yaml.tab') {
      // A value that runs on into a key line indented deeper ("a: 1\n   b: 2"): that line is wrong.
      const next = text.indexOf('\n', offset) + 1;
      const end = text.indexOf('\n', next);
      const nextIndent = /^( +)[^\s#-][^:\n]*:(?: |$)/.exec(text.slice(next, end === -1 ? undefined : end));
      if (col > indent + 1 && next > 0 && next < e.pos[1] && nextIndent?.[1] && nextIndent[1].length > indent) {
        ({ line, col } = lines.linePos(next));
        lineStart = next;
        indent = nextIndent[1].length;
      }
      if (col <= indent + 1 && indent > 0) {
        offset = lineStart + indent;
        code = 'yaml.indent';
      }
    }
    const d = code === 'yaml.indent' ? error(code, { spaces: indent }) : error(code, { detail: firstLine(e.message) });
    found.push({ at: offset, from: e.pos[0], line, d: place(d, offset, code === 'yaml.indent' ? offset + 1 : e.pos[1]) });
  }
  // An indentation error explains the parser's other complaints that start where it started.
  const explained = new Set(found.filter((f) => f.d.code === 'yaml.indent').map((f) => f.from));
  const lineSeen = new Set<number>();
  for (const f of found) {
    if ((f.d.code !== 'yaml.indent' && explained.has(f.from)) || lineSeen.has(f.line)) continue;
    lineSeen.add(f.line);
    diagnostics.push(f.d);
  }
  // Merge keys (`<<: *base`) are not part of YAML 1.2: refuse them with one clear message each.
  lib().visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (lib().isScalar(key) && key.value === '<<' && key.type === 'PLAIN' && key.range) {
        diagnostics.push(place(error('yaml.mergeKey'), key.range[0], key.range[1]));
      }
    },
  });
  if (diagnostics.length > 0) return { parsed: null, diagnostics: capDiagnostics(diagnostics) };
  const version = doc.directives.yaml;
  if (version.explicit && version.version !== '1.2') {
    diagnostics.push(place(error('yaml.directive', { directive: `%YAML ${version.version}` }), Math.max(0, text.indexOf('%YAML'))));
  }
  for (const [handle, prefix] of Object.entries(doc.directives.tags)) {
    if (handle === '!!' && prefix === 'tag:yaml.org,2002:') continue;
    diagnostics.push(place(error('yaml.directive', { directive: `%TAG ${handle}` }), Math.max(0, text.indexOf('%TAG'))));
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      // A non-core tag is reported by `inspect`; a core tag that does not fit (`!!float 3`) here.
      const tag = /Unresolved tag: (\S+)/.exec(w.message)?.[1] ?? '';
      if (CORE_TAGS.has(tag)) diagnostics.push(place(error('yaml.tag', { tag: shownTag(tag) }), w.pos[0]));
      continue;
    }
    const refused = w.code === 'BAD_DIRECTIVE';
    diagnostics.push(place((refused ? error : warning)('yaml.warning', { detail: firstLine(w.message) }), w.pos[0]));
  }
  let inspected: ReturnType<typeof inspect>;
  try {
    inspected = inspect(doc);
  } catch {
    return { parsed: null, diagnostics: [{ ...error('yaml.tooDeep'), file, line: 1, column: 1 }] };
  }
  for (const p of inspected.problems) diagnostics.push(place(p.diagnostic, p.offset));
  if (diagnostics.some((d) => d.severity === 'error')) return { parsed: null, diagnostics: capDiagnostics(diagnostics) };

  let data: unknown;
  try {
    // Aliases are counted by `inspect`; the library's own (stricter) product count stays as the
    // guard against nested expansion, one above our cap so that exactly MAX_ALIASES pass.
    data = doc.toJS({ maxAliasCount: MAX_ALIASES + 1 });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const d = /alias count/i.test(msg)
      ? error('yaml.aliasLimit')
      : /call stack/i.test(msg)
        ? error('yaml.tooDeep')
        : /unresolved alias/i.test(msg)
          ? error('yaml.unresolvedAlias', { detail: shorten(msg.replace(/^.*alias[^:]*:?\s*/i, '')) })
          : error('yaml.syntax', { detail: firstLine(msg) });
    const at = inspected.firstAlias ?? 0;
    return { parsed: null, diagnostics: [...diagnostics, place(d, at)] };
  }
  const wholeFloats = inspected.floats.map((f) => {
    const { line, col } = lines.linePos(f.offset);
    return { path: f.path, source: f.source, line, column: col };
  });
  return { parsed: { doc, lines, data, wholeFloats }, diagnostics: capDiagnostics(diagnostics) };
}

interface Problem {
  diagnostic: Diagnostic;
  offset: number;
}

interface Visit {
  node: unknown;
  parent: Visit | null;
  seg: PathSegment | null;
}

const pathOf = (v: Visit): PathSegment[] => {
  const out: PathSegment[] = [];
  for (let x: Visit | null = v; x && x.seg !== null; x = x.parent) out.push(x.seg);
  return out.reverse();
};

/**
 * One pass over the document, with an explicit stack (no recursion, so depth cannot overflow):
 * duplicate, collection and prototype keys, non-core tags, aliases over the cap, and whole-number
 * float literals (with their paths, for the callers that refuse them as scores).
 */
function inspect(doc: Document): { problems: Problem[]; floats: { path: PathSegment[]; source: string; offset: number }[]; firstAlias: number | undefined } {
  const { isAlias, isMap, isPair, isScalar, isSeq } = lib();
  const problems: Problem[] = [];
  const floats: { path: PathSegment[]; source: string; offset: number }[] = [];
  let aliases = 0;
  let firstAlias: number | undefined;
  const stack: Visit[] = [{ node: doc.contents, parent: null, seg: null }];
  while (stack.length > 0) {
    const v = stack.pop() as Visit;
    const node = v.node;
    if (!node || typeof node !== 'object') continue;
    const start = rangeStart(node) ?? 0;
    const tag = (node as Node).tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) problems.push({ diagnostic: error('yaml.tag', { tag: shownTag(tag) }), offset: start });
    if (isAlias(node)) {
      firstAlias ??= start;
      if (++aliases === MAX_ALIASES + 1) problems.push({ diagnostic: error('yaml.aliasLimit'), offset: start });
    } else if (isScalar(node)) {
      const source = (node as { source?: unknown }).source;
      if (typeof source === 'string' && tag === undefined && node.type === 'PLAIN' && FLOAT_LITERAL.test(source) && Number.isInteger(node.value)) {
        floats.push({ path: pathOf(v), source: shorten(source), offset: start });
      }
    } else if (isMap(node)) {
      const seen = new Set<string>();
      const later: Visit[] = [];
      for (const pair of node.items) {
        const key: unknown = pair.key;
        const keyStart = rangeStart(key) ?? start;
        let name: string;
        if (isScalar(key)) {
          const kv: unknown = key.value;
          name = typeof kv === 'string' ? kv : typeof kv === 'number' || typeof kv === 'boolean' ? String(kv) : kv === null || kv === undefined ? '' : JSON.stringify(kv);
          if (RESERVED_KEYS.has(name)) problems.push({ diagnostic: error('yaml.reservedKey', { key: name }), offset: keyStart });
          else if (seen.has(name)) problems.push({ diagnostic: error('yaml.duplicateKey', { key: shorten(name) }), offset: keyStart });
          seen.add(name);
          if (key.tag !== undefined && !CORE_TAGS.has(key.tag)) problems.push({ diagnostic: error('yaml.tag', { tag: shownTag(key.tag) }), offset: keyStart });
        } else if (key !== null && key !== undefined) {
          problems.push({ diagnostic: error('yaml.collectionKey'), offset: keyStart });
          name = '';
        } else {
          name = '';
          if (seen.has(name)) problems.push({ diagnostic: error('yaml.duplicateKey', { key: '' }), offset: keyStart });
          seen.add(name);
        }
        if (isAlias(key)) later.push({ node: key, parent: v, seg: name });
        later.push({ node: pair.value, parent: v, seg: name });
      }
      // Reversed onto the stack: children are visited in document order.
      for (let i = later.length - 1; i >= 0; i--) stack.push(later[i] as Visit);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], parent: v, seg: i });
    } else if (isPair(node)) {
      stack.push({ node: node.value, parent: v, seg: null });
    }
  }
  problems.sort((a, b) => a.offset - b.offset);
  return { problems, floats, firstAlias };
}

/** Text for a one-line message: at most SHOWN characters. */
const shorten = (s: string, n = SHOWN): string => (s.length > n ? `${s.slice(0, n)}…` : s);

const firstLine = (s: string): string => shorten(s.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? s, 200);

/**
 * Fills a diagnostic's line and column from its path in the document: the node itself, its key
 * when `at: 'key'`, or the nearest ancestor that exists. Also resolves `related` to
 * `params.firstLine`.
 */
export function locate(d: Diagnostic, parsed: ParsedYaml, file: string): Diagnostic {
  if (d.line !== undefined) return { ...d, file };
  const out: Diagnostic = { ...d, file };
  const pos = position(parsed, d.path ?? [], d.at ?? 'value');
  out.line = pos.line;
  out.column = pos.column;
  out.endLine = pos.endLine;
  out.endColumn = pos.endColumn;
  if (d.related) out.params = { ...d.params, firstLine: position(parsed, d.related, 'value').line };
  return out;
}

/** Each mapping's pairs by key, built on first use: a lookup per diagnostic is then constant time. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, seg: PathSegment): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    const { isScalar } = lib();
    index = new Map();
    for (const p of map.items) {
      const k = String(isScalar(p.key) ? p.key.value : p.key);
      if (!index.has(k)) index.set(k, p);
    }
    pairIndex.set(map, index);
  }
  return index.get(String(seg));
}

function position(
  parsed: ParsedYaml,
  path: readonly PathSegment[],
  at: 'key' | 'value',
): { line: number; column: number; endLine: number; endColumn: number } {
  const { isMap, isScalar, isSeq } = lib();
  let node: unknown = parsed.doc.contents;
  let offset = rangeStart(node) ?? 0;
  // The end: a scalar's own end; for a mapping or list, the end of the key that names it.
  let end = isScalar(node) ? rangeEnd(node) : undefined;
  for (const [i, seg] of path.entries()) {
    if (isMap(node)) {
      const pair = pairOf(node, seg);
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      const valueStart = rangeStart(pair.value);
      const onKey = at === 'key' && i === path.length - 1;
      offset = (onKey ? keyStart : valueStart ?? keyStart) ?? offset;
      end = onKey || !isScalar(pair.value) ? rangeEnd(pair.key) : rangeEnd(pair.value);
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      end = isScalar(item) ? rangeEnd(item) : undefined;
      node = item;
    } else {
      break;
    }
  }
  const { line, col } = parsed.lines.linePos(offset);
  const e = parsed.lines.linePos(end !== undefined && end > offset ? end : offset + 1);
  return { line, column: col, endLine: e.line, endColumn: e.col };
}

const rangeStart = (n: unknown): number | undefined =>
  n && typeof n === 'object' && 'range' in n ? (n as Node).range?.[0] : undefined;
const rangeEnd = (n: unknown): number | undefined =>
  n && typeof n === 'object' && 'range' in n ? (n as Node).range?.[1] : undefined;

/** A tag as it is written: `!!set` for the YAML namespace, else as resolved. */
const shownTag = (tag: string): string => shorten(tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice(18)}` : tag);
