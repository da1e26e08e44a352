// `npm prepare` (npm runs it for a folder or git install and before `npm pack`): build dist/.
//
// npm does not install devDependencies for a global folder or git install (npm/cli#8440: the
// nested install inherits --global), so TypeScript may be missing here. Then, if dist/ is already
// built (a packed tarball ships it), it is used as it is; otherwise the build tools are installed
// into this folder (not globally) without scripts, and the kit is built. So each of
//   npm install --global git+https://…/smart-village-kit.git#v0.1.0
//   npm install --global ./smart-village-kit          (a clone)
//   npm install --global ./smart-village-kit-0.1.0.tgz
// works in one line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const hasTsc = () => {
  try {
    createRequire(`${root}/package.json`).resolve('typescript/bin/tsc');
    return true;
  } catch {
    return false;
  }
};
const npm = (args, env = process.env) =>
  spawnSync('npm', args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' }).status ?? 1;

if (!hasTsc()) {
  if (existsSync(`${root}/dist/main.js`)) {
    console.error('smart-village-kit: TypeScript is not installed; using the build in dist/.');
    process.exit(0);
  }
  console.error('smart-village-kit: installing the build tools into this folder to build dist/ …');
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(global|location|prefix|omit|include|production)$/i.test(k)));
  const status = npm(['install', '--no-save', '--ignore-scripts', '--include=dev', '--no-audit', '--no-fund', '--location=project'], env);
  if (status !== 0 || !hasTsc()) {
    console.error('smart-village-kit: could not install TypeScript. Run "npm ci && npm run build" in the kit folder, or install a packed tarball (npm pack).');
    process.exit(1);
  }
}
process.exit(npm(['run', 'build']));
