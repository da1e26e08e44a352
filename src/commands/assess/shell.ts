/** A word for the user's shell: as it is when plain, else in single quotes (POSIX: ' as '\''; PowerShell: ' as ''). */
export function shellQuote(word: string, platform: NodeJS.Platform): string {
  if (/^[\p{L}\p{N}_./:@%+=,-]+$/u.test(word)) return word;
  if (platform === 'win32') return `'${word.replace(/['‘’‚‛]/g, (q) => q + q)}'`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that goes on with a session: keeps `--lang` and `--criteria`, quoted for the shell of the platform. */
export function resumeCommand(o: { file: string; lang?: string | undefined; criteria?: string | undefined }, platform: NodeJS.Platform): string {
  const words = ['village', 'assess', '--answers', o.file];
  if (o.lang) words.push('--lang', o.lang);
  if (o.criteria) words.push('--criteria', o.criteria);
  return words.map((w, i) => (i < 2 || w.startsWith('--') ? w : shellQuote(w, platform))).join(' ');
}
