// `npm prepare`: build dist/ when the build tools are here, and otherwise leave the shipped build alone.
// A packed tarball (npm pack, prepack builds it) carries dist/; a global or git install of a folder does
// not install devDependencies (npm/cli#8440), so there TypeScript is absent and a build cannot run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url);
const built = existsSync(new URL('dist/main.js', root));
let hasTsc = true;
try {
  createRequire(new URL('package.json', root)).resolve('typescript/bin/tsc');
} catch {
  hasTsc = false;
}
if (hasTsc) {
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}
if (built) {
  console.error('smart-village-kit: TypeScript is not installed; using the build in dist/.');
  process.exit(0);
}
console.error(
  'smart-village-kit: dist/ is missing and TypeScript is not installed, so the kit cannot be built here.\n' +
    'Install from a packed tarball instead (npm pack, then npm install --global ./smart-village-kit-*.tgz),\n' +
    'or run "npm ci && npm run build" in the kit folder first.',
);
process.exit(1);
