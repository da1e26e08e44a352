const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;
const MAX_LENGTH = 80;

/**
 * A file name (without extension) for a village: Latvian and other letters kept, lower-cased,
 * no path separators, control or reserved characters, no leading dots (so no "../"), no Windows
 * device names; unique among `taken` ignoring case (add to `taken` yourself). Pure.
 */
export function safeFileName(name: string, taken: ReadonlySet<string>): string {
  let base = name
    .normalize('NFC')
    .toLocaleLowerCase('lv')
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.\-\s]+|[.\-\s]+$/g, '');
  base = Array.from(base).slice(0, MAX_LENGTH).join('').replace(/[.\-\s]+$/g, '');
  if (base === '') base = 'village';
  if (WINDOWS_RESERVED.test(base)) base = `${base}-village`;
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`;
  return candidate;
}
