// Preloaded with --import: a disk that refuses writes on demand. While the file named by
// VILLAGE_FULL_DISK exists, every rename onto a .yaml file (the last step of a safe write) fails
// with ENOSPC, as a full disk or a pulled USB stick would; remove the file and writes work again.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const flag = process.env.VILLAGE_FULL_DISK;
if (flag) {
  const full = (target) => String(target).endsWith('.yaml') && fs.existsSync(flag);
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, rename'), { code: 'ENOSPC', errno: -28, syscall: 'rename' });
  const { rename, renameSync } = fs;
  const promised = fs.promises.rename;
  fs.rename = (from, to, cb) => (full(to) ? process.nextTick(cb, enospc()) : rename(from, to, cb));
  fs.renameSync = (from, to) => {
    if (full(to)) throw enospc();
    return renameSync(from, to);
  };
  fs.promises.rename = async (from, to) => {
    if (full(to)) throw enospc();
    return promised(from, to);
  };
  syncBuiltinESMExports();
}
