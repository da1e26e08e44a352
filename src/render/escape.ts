/**
 * Makes untrusted text (village names, notes, criteria texts) inert in Markdown: one line,
 * every inline marker backslash-escaped, HTML neutralised, and line-start markers (lists,
 * headings, quotes) escaped when the text opens a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(\s*)([-+=#])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

const INLINE = /[\r\n\\`*_[\]<>|~]/;
const LINE_START = /^\s*(?:[-+=#]|\d+[.)](?:\s|$))/;

/**
 * Whether escapeMarkdown would change `text`: false means it has no line break, no inline marker
 * and no marker at its start, so it is its own escape (most texts of a plan are; a batch skips
 * their look-up).
 */
export const needsEscape = (text: string): boolean => INLINE.test(text) || LINE_START.test(text);

/** A link target for Markdown: http(s) only (no javascript: or data:), with the characters that end a link encoded. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The one link of a bare object's chain: no fields, only how it turns into text. */
const BARE: object = Object.create(null, { [Symbol.toPrimitive]: { value: () => '[object]', enumerable: false } }) as object;

/**
 * An object with no inherited field (no `constructor`, `__proto__`, `toString`) that still turns
 * into text (Handlebars' strict errors print it): its prototype is BARE, made once, rather than a
 * property defined on every object (a batch makes millions).
 */
const bareObject = (): Record<string, unknown> => Object.create(BARE) as Record<string, unknown>;

/**
 * Applies `escape` to every string in a plain data tree; `url` fields go through safeUrl instead.
 * With `bare`, objects come out with no inherited field (a template's strict mode then refuses
 * `{{__proto__}}` and `{{constructor}}` as the missing fields they are).
 */
export function deepEscape<T>(value: T, escape: (s: string) => string, bare = false): T {
  // An object met again (a plan view lists one criterion under its pillar, its strengths, its
  // highlights...) is escaped once: its copy does not depend on where it is met.
  const done = new Map<object, unknown>();
  const walk = (v: unknown, key: string | null): unknown => {
    if (typeof v === 'string') return key === 'url' ? safeUrl(v) : escape(v);
    if (!v || typeof v !== 'object') return v;
    const known = done.get(v);
    if (known !== undefined) return known;
    let out: unknown;
    if (Array.isArray(v)) out = v.map((x) => walk(x, null));
    else {
      const copy: Record<string, unknown> = bare ? bareObject() : {};
      for (const k of Object.keys(v)) copy[k] = walk((v as Record<string, unknown>)[k], k);
      out = copy;
    }
    done.set(v, out);
    return out;
  };
  return walk(value, null) as T;
}

/** Characters that must not reach a terminal raw: C0 and C1 controls (escape sequences, line breaks), line and paragraph separators, bidi and zero-width controls. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this replaces
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Untrusted text (village names, keys, headers, file names) made safe for a terminal and for a
 * one-line message: every control, separator, bidi or zero-width character is shown as a visible
 * escape (`\n`, `\x1b`, `\u202e`), so nothing can move the cursor, recolour, retitle, clear the
 * screen, reorder the line or split one message into two. Linear.
 */
export function sanitize(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
