/** Windows device names, which Windows reserves whatever extension follows (`NUL.txt`, `COM¹`). */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/;
const MAX_LENGTH = 80;
/** File systems allow 255 bytes a name; this leaves room for `-NN` and the extension. */
const MAX_BYTES = 200;
/** Characters trimmed from both ends: dots (no "../", no hidden files), dashes and spaces. */
const TRIM = new Set(['.', '-', ' ']);

/** UTF-8 length of one code point. */
const utf8Bytes = (c: string): number => {
  const cp = c.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
};

/** `s` without TRIM characters at either end: a scan, not a regex (`[.\-\s]+$` was quadratic on long runs). */
function trimEnds(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && TRIM.has(s[start] ?? '')) start++;
  while (end > start && TRIM.has(s[end - 1] ?? '')) end--;
  return s.slice(start, end);
}

/**
 * A file name (without extension) for a village: Latvian and other letters kept, lower-cased,
 * no path separators, control, format (bidi, zero-width) or reserved characters, no leading
 * dots (so no "../"), no Windows device names with any extension; at most 80 characters and
 * 200 bytes; unique among `taken` ignoring case (add to `taken` yourself). Linear time. Pure.
 */
export function safeFileName(name: string, taken: ReadonlySet<string>): string {
  const cleaned = name
    .normalize('NFC')
    .toLocaleLowerCase('lv')
    .replace(/\p{Cf}+/gu, '')
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, '-')
    .replace(/\s+/gu, '-')
    .replace(/-{2,}/g, '-');
  let base = '';
  let chars = 0;
  let bytes = 0;
  for (const c of trimEnds(cleaned)) {
    bytes += utf8Bytes(c);
    if (++chars > MAX_LENGTH || bytes > MAX_BYTES) break;
    base += c;
  }
  base = trimEnds(base);
  if (base === '') base = 'village';
  const dot = base.indexOf('.');
  const stem = dot === -1 ? base : base.slice(0, dot);
  if (WINDOWS_RESERVED.test(stem)) base = `${stem}-village${base.slice(stem.length)}`;
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`;
  return candidate;
}
