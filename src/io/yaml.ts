import { load } from 'js-yaml';
import { createRequire } from 'node:module';
import type * as YAML from 'yaml';
import type { Document, LineCounter, Node, YAMLError } from 'yaml';
import { error, warning, type Diagnostic, type PathSegment } from '../core/diagnostic.js';
import type { MessageCode } from '../i18n/messages.js';

// The full parser is needed only for files the fast readers refuse (and for their positions):
// loaded on first use, so a clean batch never pays for it.
let yamlLib: typeof YAML | undefined;
const lib = (): typeof YAML => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof YAML);

/** Aliases beyond this many are refused (the "billion laughs" attack). No real file needs more. */
export const MAX_ALIASES = 100;

export interface ParsedYaml {
  doc: Document;
  lines: LineCounter;
  data: unknown;
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
 * could differ. No lone CR line ends, no directives, tags, anchors, aliases or merge keys, no
 * Unicode whitespace or control characters beyond tab and line ends, no `__proto__`, no null or
 * empty keys (js-yaml names them "null", `yaml` ""). Anything
 * else goes to `parseYaml`, which is the one meaning of a file (tests/unit/yaml-fast-path.test.ts
 * checks the two agree on every text this lets through).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const UNSAFE = /\r(?!\n)|^%|[!&*]|<<|__proto__|(?:^|[\s{,[])(?:null|Null|NULL|~)?:(?=\s|$)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/mu;

/**
 * The fast path for valid files: js-yaml (YAML 1.2 core schema, about three times faster than
 * `yaml`) on text that `UNSAFE` lets through, duplicate keys refused. Undefined whenever it has
 * any doubt; callers then parse with `parseYaml`, which alone reports problems (with positions).
 */
export function quickParse(text: string): { data: unknown } | undefined {
  if (UNSAFE.test(text)) return undefined;
  try {
    return { data: load(text, { maxAliases: 0 }) };
  } catch {
    return undefined;
  }
}

/**
 * Parses YAML 1.2 (core schema: `no` stays a string) with positions. Duplicate keys and syntax
 * errors come back as diagnostics with line and column; aliases are capped.
 */
export function parseYaml(text: string, file: string): YamlResult {
  const { LineCounter, parseDocument } = lib();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2' });
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
  for (const e of doc.errors.filter((x) => x.code === 'DUPLICATE_KEY')) {
    diagnostics.push(place(error('yaml.duplicateKey', { key: keyAt(text, e.pos[0]) }), e.pos[0], e.pos[1]));
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
  if (diagnostics.length > 0) return { parsed: null, diagnostics };
  for (const w of doc.warnings) diagnostics.push(place(warning('yaml.warning', { detail: firstLine(w.message) }), w.pos[0]));

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const d = /alias count/i.test(msg)
      ? error('yaml.aliasLimit')
      : /unresolved alias/i.test(msg)
        ? error('yaml.unresolvedAlias', { detail: msg.replace(/^.*alias[^:]*:?\s*/i, '') })
        : error('yaml.syntax', { detail: firstLine(msg) });
    return { parsed: null, diagnostics: [...diagnostics, { ...d, file, line: 1, column: 1 }] };
  }
  return { parsed: { doc, lines, data }, diagnostics };
}

/** The mapping key written at `offset` (plain or quoted), for messages. */
function keyAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  const rest = text.slice(offset, end === -1 ? undefined : end);
  const m = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^:#]*?)\s*:(?:\s|$)/.exec(rest);
  return (m?.[1] ?? rest).trim().replace(/^["']|["']$/g, '');
}

const firstLine = (s: string): string => s.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? s;

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
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(seg));
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
