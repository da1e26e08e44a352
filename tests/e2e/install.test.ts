import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

/** The CI recipe of the README, between its markers: the lines this test runs, as they are. */
function recipe(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- ci-recipe:start -->\n```sh\n([\s\S]*?)```\n<!-- ci-recipe:end -->/.exec(readme);
  expect(block, 'README has the CI recipe').not.toBeNull();
  return block?.[1] ?? '';
}

const work = tempDir();
afterAll(() => work.cleanup());

/**
 * npm in a sandbox: a temporary global prefix, offline (dependencies come from the npm cache
 * that `npm ci` filled), no scripts (the suite has built dist/ already; `npm pack` would rebuild).
 */
const npmEnv = (prefix: string): NodeJS.ProcessEnv => ({
  ...process.env,
  npm_config_prefix: prefix,
  npm_config_offline: 'true',
  npm_config_ignore_scripts: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`,
});

describe('installing the packed kit', () => {
  it('runs the README CI recipe: pack, global install into a prefix, validate a LAG repository', () => {
    const repo = join(work.dir, 'lag-repo');
    cpSync(join(ROOT, 'criteria'), join(repo, 'criteria'), { recursive: true });
    const r = spawnSync('sh', ['-e', '-c', recipe()], {
      cwd: repo,
      env: { ...npmEnv(join(work.dir, 'global')), KIT: ROOT },
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 file(s) checked: 0 error(s), 0 warning(s)');
    expect(existsSync(join(work.dir, 'global', 'lib', 'node_modules', 'smart-village-kit', 'dist', 'main.js'))).toBe(true);
    // The installed binary rejects a broken file with an annotation and exit 1.
    const bad = spawnSync('sh', ['-c', 'printf "schema: village-kit/answers@1\\n" > bad.yaml && village validate bad.yaml --format github'], {
      cwd: repo,
      env: npmEnv(join(work.dir, 'global')),
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^::error file=bad\.yaml,line=1,col=1,/m);
  }, 300_000);

  it('installs into a project too, with the schemas under node_modules/smart-village-kit/schema/', () => {
    const project = join(work.dir, 'project');
    const pack = spawnSync('npm', ['pack', '--silent', ROOT, '--pack-destination', work.dir], { env: npmEnv(join(work.dir, 'g2')), encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const tgz = join(work.dir, pack.stdout.trim().split('\n').pop() ?? '');
    const r = spawnSync('sh', ['-e', '-c', `npm init -y >/dev/null && npm install --save-dev "${tgz}" && npx village validate --bundled`], {
      cwd: (mkdirSync(project, { recursive: true }), project),
      env: npmEnv(join(work.dir, 'g2')),
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(project, 'node_modules', 'smart-village-kit', 'schema', 'criteria.schema.json'))).toBe(true);
  }, 300_000);
});
