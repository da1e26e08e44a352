import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, tempDir, village } from '../helpers/cli.js';
import { openPdf } from '../helpers/pdf.js';

describe('the plan lives on, from the binary', () => {
  it.each([['lv'], ['en']])('plan, edit by hand, assess a year later: the PDF shows the change and the statuses on page 1 (%s)', (lang) => {
    const tmp = tempDir();
    try {
      const plan = tmp.path('plan.yaml');
      const w = village(['plan', `${ROOT}/examples-progress/ergli-2025/`, '--out', plan, '--lang', lang]);
      expect(w.code).toBe(0);
      writeFileSync(
        plan,
        readFileSync(plan, 'utf8')
          .replace(/(- id: vision-workshop\n(?: {4}.*\n)*? {4}owner: )""/, '$1"Anna Bērziņa"')
          .replace(/(- id: vision-workshop\n(?: {4}.*\n)*? {4})status: planned/, '$1# darbnīca notika divos vakaros\n    status: done'),
      );
      const r = village(['report', `${EXAMPLES}/ergli/`, '--previous', plan, '--plan', plan, '--format', 'pdf', '--out', tmp.path('p.pdf'), '--lang', lang]);
      expect(r.stderr).not.toMatch(/error/i);
      expect(r.code).toBe(0);
      const page1 = openPdf(tmp.path('p.pdf')).pageText(0);
      expect(page1).toContain(lang === 'lv' ? 'Kas mainījies kopš 2025-05-14' : 'What changed since 2025-05-14');
      expect(page1).toContain(lang === 'lv' ? 'Ceļa sākumā → Pārejas ciems' : 'Starting out → Village in transition');
      const text = openPdf(tmp.path('p.pdf')).text().replace(/\s+/g, ' ');
      expect(text).toContain('Anna Bērziņa');
      expect(text).toMatch(lang === 'lv' ? /paveikts, un “Kopīga ilgtermiņa vīzija” pieauga no 1 līdz 2,7/ : /done, and Shared long-term vision rose from 1 to 2.7/);

      const h = village(['history', `${ROOT}/examples-progress/ergli-2025/`, `${EXAMPLES}/ergli/`, '--plan', plan, '--out', tmp.path('h.pdf'), '--lang', lang]);
      expect(h.code).toBe(0);
      const ht = openPdf(tmp.path('h.pdf')).text();
      expect(ht).toContain('2025-05-14');
      expect(ht).toContain('2026-05-22');
    } finally {
      tmp.cleanup();
    }
    // Three spawns, two of them rendering PDFs: slower than most e2e tests on a busy 2-core machine.
  }, 90_000);
});
