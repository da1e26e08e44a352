// Preloaded by the bench (`node --import ./scripts/bench-rss.mjs …`): on exit, appends this
// process's peak resident set size in kB (worker threads included) to $BENCH_RSS_FILE. This
// replaces /usr/bin/time, so the bench needs only Node.
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
