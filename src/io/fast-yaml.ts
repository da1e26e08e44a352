/**
 * A fast reader for the plain shape of answers files — top-level `key: value` lines and one level
 * of nested `key: value` lines, with plain, quoted or one-line `{ score: 3, note: "…" }` values —
 * the shape `village init` and `village assess` write and that batch files almost always have.
 * It resolves scalars exactly as the YAML 1.2 core schema does and returns undefined for anything
 * else (tabs, anchors, tags, block scalars, multi-line values, duplicate keys, odd indentation),
 * so the caller falls back to a full YAML parser. A differential test against the `yaml`
 * library guards that both agree on every document this accepts.
 */

const FAIL = Symbol('fail');
type Value = string | number | boolean | null | Record<string, unknown>;

const KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):(?:[ ]+(.*))?$/;
const NON_STRING_KEY = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9][0-9a-fA-Fox._]*|\.[0-9].*)$/;
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** A plain scalar resolved by the core schema (the same tests as the `yaml` library). */
export function resolvePlain(s: string): string | number | boolean | null {
  // Most values are one digit or start with a letter that no special value starts with.
  if (s.length === 1 && s >= '0' && s <= '9') return s.charCodeAt(0) - 48;
  if (/^[A-EG-MO-SU-Za-eg-mo-su-z\u00c0-\uffff]/.test(s)) return s;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return false;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s.startsWith('-') ? -Infinity : Infinity;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) {
    return parseFloat(s);
  }
  return s;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A double- or single-quoted scalar starting at `s[0]`; the value and what follows it, or FAIL. */
function quoted(s: string): { value: string; rest: string } | typeof FAIL {
  const q = s[0];
  let out = '';
  for (let i = 1; i < s.length; i++) {
    const ch = s[i] as string;
    if (q === "'") {
      if (ch !== "'") {
        out += ch;
      } else if (s[i + 1] === "'") {
        out += "'";
        i++;
      } else {
        return { value: out, rest: s.slice(i + 1) };
      }
    } else if (ch === '"') {
      return { value: out, rest: s.slice(i + 1) };
    } else if (ch === '\\') {
      const e = s[i + 1] ?? '';
      const hex = HEX_LENGTH[e];
      if (hex !== undefined) {
        const digits = s.slice(i + 2, i + 2 + hex);
        if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) return FAIL;
        const cp = parseInt(digits, 16);
        if (cp > 0x10ffff) return FAIL;
        out += String.fromCodePoint(cp);
        i += 1 + hex;
      } else if (Object.hasOwn(ESCAPES, e)) {
        out += ESCAPES[e] ?? '';
        i++;
      } else {
        return FAIL;
      }
    } else {
      out += ch;
    }
  }
  return FAIL;
}

const onlyComment = (rest: string): boolean => /^(?:[ ]+#.*)?[ ]*$/.test(rest);

/** A plain scalar (already trimmed) resolved, or FAIL when YAML would read it another way. */
function plainScalar(plain: string): Value | typeof FAIL {
  if (plain === '' || (INDICATOR.test(plain) && typeof resolvePlain(plain) !== 'number') || /:(?:[ ]|$)/.test(plain)) return FAIL;
  return resolvePlain(plain);
}

/** A block-context value: quoted, a one-line flow mapping, or a plain scalar (with an optional comment). */
function blockValue(s: string): Value | typeof FAIL {
  if (s[0] === '"' || s[0] === "'") {
    const q = quoted(s);
    return q !== FAIL && onlyComment(q.rest) ? q.value : FAIL;
  }
  if (s[0] === '{') return flowMapping(s);
  const hash = s.search(/[ ]#/);
  return plainScalar((hash >= 0 ? s.slice(0, hash) : s).trimEnd());
}

/** `{ key: value, key: value }` on one line with scalar values; FAIL for anything richer. */
function flowMapping(s: string): Record<string, unknown> | typeof FAIL {
  const out: Record<string, unknown> = {};
  let i = 1;
  const skip = (): void => {
    while (s[i] === ' ') i++;
  };
  for (;;) {
    skip();
    if (s[i] === '}') break;
    const key = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):[ ]+/.exec(s.slice(i));
    if (!key?.[1] || NON_STRING_KEY.test(key[1]) || Object.hasOwn(out, key[1])) return FAIL;
    i += key[0].length;
    let value: Value;
    if (s[i] === '"' || s[i] === "'") {
      const q = quoted(s.slice(i));
      if (q === FAIL) return FAIL;
      value = q.value;
      i = s.length - q.rest.length;
    } else {
      const m = /^[^,{}[\]#]*/.exec(s.slice(i));
      const plain = plainScalar((m?.[0] ?? '').trim());
      if (plain === FAIL) return FAIL;
      value = plain;
      i += m?.[0].length ?? 0;
    }
    out[key[1]] = value;
    skip();
    if (s[i] === ',') {
      i++;
      continue;
    }
    if (s[i] === '}') break;
    return FAIL;
  }
  return onlyComment(s.slice(i + 1)) ? out : FAIL;
}

/** The parsed document, or undefined when it is not of the plain shape (then use a full parser). */
export function fastParse(text: string): Record<string, unknown> | undefined {
  const root: Record<string, unknown> = {};
  let nestedKey: string | null = null;
  let nested: Record<string, unknown> | null = null;
  let indent = -1;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.includes('\t') || line.includes('\r')) return undefined;
    const body = line.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    const at = line.length - body.length;
    const m = KEY.exec(body);
    if (!m?.[1] || NON_STRING_KEY.test(m[1])) return undefined;
    const [, key, rest] = m;
    if (at === 0) {
      if (Object.hasOwn(root, key)) return undefined;
      nested = null;
      indent = -1;
      if (rest === undefined || rest === '' || /^#/.test(rest)) {
        root[key] = null;
        nestedKey = key;
        continue;
      }
      nestedKey = null;
      const v = blockValue(rest);
      if (v === FAIL) return undefined;
      root[key] = v;
    } else {
      if (nestedKey === null) return undefined;
      if (!nested) {
        nested = {};
        root[nestedKey] = nested;
        indent = at;
      } else if (at !== indent) {
        return undefined;
      }
      if (rest === undefined || rest === '' || Object.hasOwn(nested, key)) return undefined;
      const v = blockValue(rest);
      if (v === FAIL) return undefined;
      nested[key] = v;
    }
  }
  return Object.keys(root).length > 0 ? root : undefined;
}
