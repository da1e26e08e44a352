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
  const place = (d: Diagnostic, offset: number): Diagnostic => {
    const { line, col } = lines.linePos(offset);
    return { ...d, file, line, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  const duplicates = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY');
  const syntax = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  if (syntax) {
    const code = /call stack/i.test(syntax.message) ? 'yaml.tooDeep' : (CODES[syntax.code] ?? 'yaml.syntax');
    diagnostics.push(place(error(code, { detail: firstLine(syntax.message) }), syntax.pos[0]));
  }
  for (const e of duplicates) {
    diagnostics.push(place(error('yaml.duplicateKey', { key: keyAt(text, e.pos[0]) }), e.pos[0]));
  }
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
  if (d.related) out.params = { ...d.params, firstLine: position(parsed, d.related, 'value').line };
  return out;
}

function position(parsed: ParsedYaml, path: readonly PathSegment[], at: 'key' | 'value'): { line: number; column: number } {
  const { isMap, isScalar, isSeq } = lib();
  let node: unknown = parsed.doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [i, seg] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(seg));
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      const valueStart = rangeStart(pair.value);
      offset = (at === 'key' && i === path.length - 1 ? keyStart : valueStart ?? keyStart) ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const { line, col } = parsed.lines.linePos(offset);
  return { line, column: col };
}

const rangeStart = (n: unknown): number | undefined =>
  n && typeof n === 'object' && 'range' in n ? (n as Node).range?.[0] : undefined;
