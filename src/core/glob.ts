/**
 * A glob as a regular expression over "/"-separated relative paths: `**` any folders, `*` any
 * characters but "/", `?` one of them, `{a,b}` either. A glob without "/" matches the file name
 * at any depth (like .gitignore); a folder matches everything below it.
 */
export function globToRegExp(glob: string): RegExp {
  const g = glob.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '/**');
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i] as string;
    if (c === '*' && g[i + 1] === '*') {
      const slash = g[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',' && re.includes('(?:')) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(g.includes('/') ? `^${re}(?:/.*)?$` : `(?:^|/)${re}(?:/.*)?$`);
}

/** Whether a relative path (any separator) matches one of the globs. */
export const matchesAny = (path: string, globs: readonly RegExp[]): boolean => {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return globs.some((g) => g.test(p));
};
