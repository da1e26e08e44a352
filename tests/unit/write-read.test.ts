import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBounded } from '../../src/io/read.js';
import { folderWriter, writeFileInside, writeFileSafe } from '../../src/io/write.js';
import { tempDir } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const fresh = (): string => {
  const dir = join(tmp.dir, `case-${n++}`);
  mkdirSync(dir);
  return dir;
};
/** A socket file: a special file Node can make without outside tools (FIFOs are tested from the binary, through a pipe). */
async function socketFile(path: string): Promise<() => Promise<void>> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('writeFileSafe', () => {
  it('writes every byte, replaces only with force, and leaves no temporary file', async () => {
    const dir = fresh();
    const f = join(dir, 'plan.md');
    const big = 'ā'.repeat(3_000_000);
    expect(await writeFileSafe(f, big, false)).toBeNull();
    expect(readFileSync(f, 'utf8')).toBe(big);
    expect((await writeFileSafe(f, 'new', false))?.code).toBe('out.exists');
    expect(await writeFileSafe(f, 'new', true)).toBeNull();
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('never writes through a symbolic link, even with force, and leaves the link and its target alone', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'victim.txt'), 'SECRET');
    symlinkSync(join(dir, 'victim.txt'), join(dir, 'plan.md'));
    const d = await writeFileSafe(join(dir, 'plan.md'), 'plan', true);
    expect(d).toMatchObject({ code: 'out.symlink', line: 1, column: 1 });
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('SECRET');
    expect(lstatSync(join(dir, 'plan.md')).isSymbolicLink()).toBe(true);
  });

  it('never replaces a special file, even with force', async () => {
    const dir = fresh();
    const close = await socketFile(join(dir, 'sock.md'));
    expect((await writeFileSafe(join(dir, 'sock.md'), 'plan', true))?.code).toBe('out.notRegular');
    expect(lstatSync(join(dir, 'sock.md')).isSocket()).toBe(true);
    await close();
    symlinkSync('/dev/null', join(dir, 'null.md'));
    expect((await writeFileSafe(join(dir, 'null.md'), 'plan', true))?.code).toBe('out.symlink');
  });

  it('keeps the old file when the write fails', async () => {
    const dir = fresh();
    const f = join(dir, 'plan.md');
    writeFileSync(f, 'old');
    mkdirSync(join(dir, 'sub'));
    // The temporary file cannot be made in a folder that is really a file.
    const d = await writeFileSafe(join(f, 'x.md'), 'new', true);
    expect(d?.code).toBe('out.failed');
    expect(readFileSync(f, 'utf8')).toBe('old');
  });
});

describe('writeFileInside', () => {
  it('writes into the real folder, and refuses names that leave it', async () => {
    const dir = fresh();
    const real = join(dir, 'real');
    mkdirSync(real);
    symlinkSync(real, join(dir, 'link'));
    expect(await writeFileInside(join(dir, 'link'), 'a.md', 'x', false)).toBeNull();
    expect(readFileSync(join(real, 'a.md'), 'utf8')).toBe('x');
    expect((await writeFileInside(join(dir, 'link'), '../b.md', 'x', true))?.code).toBe('out.outside');
    expect(existsSync(join(dir, 'b.md'))).toBe(false);
  });
});

describe('folderWriter', () => {
  it('makes the folder once and writes many files into it, each whole, with no temporary file left', async () => {
    const dir = join(fresh(), 'new', 'reports');
    const write = folderWriter(dir);
    const names = Array.from({ length: 20 }, (_, i) => `plan-${i}.md`);
    const results = await Promise.all(names.map((name, i) => write(name, `# ${i}\n`.repeat(1000), false)));
    expect(results).toEqual(names.map(() => null));
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    names.forEach((name, i) => expect(readFileSync(join(dir, name), 'utf8')).toBe(`# ${i}\n`.repeat(1000)));
    expect((await write('plan-0.md', 'again', false))?.code).toBe('out.exists');
    expect(await write('plan-0.md', 'again', true)).toBeNull();
    expect(readFileSync(join(dir, 'plan-0.md'), 'utf8')).toBe('again');
  });

  it('refuses names that leave the folder, and says so for each file when the folder cannot be made', async () => {
    const base = fresh();
    const write = folderWriter(base);
    expect((await write('../x.md', 'x', true))?.code).toBe('out.outside');
    writeFileSync(join(base, 'file'), 'not a folder');
    const blocked = folderWriter(join(base, 'file', 'reports'));
    for (const name of ['a.md', 'b.md']) {
      const d = await blocked(name, 'x', true);
      expect(d?.code).toBe('out.failed');
      expect(d?.file).toBe(join(base, 'file', 'reports', name));
    }
  });
});

describe('readBounded', () => {
  it('stops a device at the limit, whatever stat says', () => {
    const r = readBounded('/dev/zero', 1000);
    expect('diagnostic' in r && r.diagnostic.code).toBe('file.tooLarge');
  });

  it('reads a small regular file whole', () => {
    const f = join(fresh(), 'a.yaml');
    writeFileSync(f, 'a: 1\n');
    const r = readBounded(f, 1000);
    expect('bytes' in r && r.bytes.toString()).toBe('a: 1\n');
  });
});
