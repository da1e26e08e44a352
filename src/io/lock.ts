import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who holds a lock: written as JSON into `FILE.lock`. */
export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time it was taken. */
  since: string;
}

export type LockResult =
  | { ok: true; release: () => void; /** A lock left by a session that no longer runs was taken over. */ stale: LockOwner | null }
  | { ok: false; owner: LockOwner | null; lockFile: string };

export const lockFileOf = (file: string): string => `${file}.lock`;

/** Is process `pid` running on this machine? (EPERM: it runs, as another user.) */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockFile: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<LockOwner>;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? { pid: o.pid, host: o.host, since: typeof o.since === 'string' ? o.since : '' } : null;
  } catch {
    return null;
  }
}

/**
 * Takes the lock of an answers file: `FILE.lock`, created only if absent (O_EXCL), with this
 * process's pid and host. A lock of a process that no longer runs on this host is stale and taken
 * over; `force` takes over any lock (the user said the other session is gone).
 */
export function acquireLock(file: string, force = false): LockResult {
  const lockFile = lockFileOf(file);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const release = (): void => {
    // Only our own lock is removed (another session may have taken over a lock we lost).
    const o = readOwner(lockFile);
    if (o && o.pid === me.pid && o.host === me.host) rmSync(lockFile, { force: true });
  };
  const take = (): boolean | null => {
    try {
      writeFileSync(lockFile, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      return true;
    } catch (e) {
      // EEXIST: held. Anything else (a read-only folder …): no lock can be made; the session goes on and the save reports the real problem.
      return (e as NodeJS.ErrnoException).code === 'EEXIST' ? false : null;
    }
  };
  const first = take();
  if (first === null) return { ok: true, release: () => undefined, stale: null };
  if (first) return { ok: true, release, stale: null };
  const owner = readOwner(lockFile);
  let empty = false;
  try {
    empty = readFileSync(lockFile, 'utf8').trim() === '';
  } catch {
    empty = true;
  }
  // Stale: its process no longer runs on this host, or it is empty (killed while taking it).
  const stale = empty || (owner !== null && owner.host === me.host && !alive(owner.pid));
  if (!force && !stale) return { ok: false, owner, lockFile };
  rmSync(lockFile, { force: true });
  return take() === false ? { ok: false, owner: readOwner(lockFile), lockFile } : { ok: true, release, stale: owner };
}
