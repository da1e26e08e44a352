import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answersYaml, CRITERIA, type Score } from '../helpers/answers.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { run } from '../helpers/run.js';

const E = `${ROOT}/examples`;
const all = (score: Score): Record<string, Score> => Object.fromEntries(CRITERIA.map((c) => [c, score]));

describe('village plan: the community plan file', () => {
  it('writes a valid plan file with comments in the report language, then --update keeps every edit and adds only new actions', async () => {
    const tmp = tempDir({ 'a.yaml': answersYaml('Ciems', all(1), { date: '2025-04-01' }) });
    try {
      const plan = tmp.path('plan.yaml');
      const w = await run(['plan', tmp.path('a.yaml'), '--out', plan, '--lang', 'lv']);
      expect(w.stderr).toContain('plan.yaml');
      expect(w.code).toBe(0);
      const text = readFileSync(plan, 'utf8');
      expect(text).toContain('schema: village-kit/plan@1');
      expect(text).toContain('# owner: kurš ciemā to uzņemas');
      expect(text).toContain('status: planned');
      expect((await run(['validate', plan])).code).toBe(0);

      // A person edits: an owner, a month, a status, a comment of their own, and deletes a later action.
      const edited = text
        .replace('\n    owner: ""', '\n    owner: "Anna"')
        .replace('\n    due: ""', '\n    due: "2025-09"')
        .replace('\n    status: planned', '\n    # mūsu piezīme\n    status: done')
        .replace(/\n {2}- id: vision-review\n(?: {4}.*\n)+/, '\n');
      expect(edited).not.toContain('id: vision-review');
      writeFileSync(plan, edited);
      const u = await run(['plan', tmp.path('a.yaml'), '--out', plan, '--update', '--lang', 'en']);
      expect(u.code).toBe(0);
      expect(u.stderr).toContain('Added to');
      expect(u.stderr).toContain('vision-review');
      const after = readFileSync(plan, 'utf8');
      // Everything the person wrote is there, unchanged and in place; only the missing action was added at the end.
      expect(after.startsWith(edited.trimEnd())).toBe(true);
      expect(after.slice(edited.trimEnd().length)).toContain('id: vision-review');
      // Once more: nothing to add, nothing changed.
      const again = await run(['plan', tmp.path('a.yaml'), '--out', plan, '--update']);
      expect(again.stderr).toContain('Nothing to add');
      expect(readFileSync(plan, 'utf8')).toBe(after);
    } finally {
      tmp.cleanup();
    }
  });

  it.each([
    ['a status outside the list', (t: string) => t.replace('\n    status: planned', '\n    status: finished'), /plan\.yaml:\d+:\d+: .*planned, doing, done, dropped/],
    ['a due that is not a month', (t: string) => t.replace('\n    due: ""', '\n    due: "next spring"'), /plan\.yaml:\d+:\d+: due "next spring" is not a month/],
    ['a plan for another village', (t: string) => t.replace('village: Ciems', 'village: Citurciems'), /plan\.yaml:\d+:\d+: this plan is for "Citurciems"/],
    ['a plan for another framework', (t: string) => t.replace('id: smart-village-lv', 'id: other-framework'), /plan\.yaml:\d+:\d+: this plan is for framework "other-framework"/],
  ])('refuses %s with one located error', async (_what, edit, expected) => {
    const tmp = tempDir({ 'a.yaml': answersYaml('Ciems', all(1), { date: '2025-04-01' }) });
    try {
      const plan = tmp.path('plan.yaml');
      await run(['plan', tmp.path('a.yaml'), '--out', plan]);
      writeFileSync(plan, edit(readFileSync(plan, 'utf8')));
      const r = await run(['report', tmp.path('a.yaml'), '--plan', plan]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr.trim().split('\n').filter((l) => l.includes('plan.yaml:'))).toHaveLength(1);
    } finally {
      tmp.cleanup();
    }
  });

  it('keeps an action that is no longer in the criteria, and lists it as such', async () => {
    const tmp = tempDir({ 'a.yaml': answersYaml('Ciems', all(1), { date: '2025-04-01' }) });
    try {
      const plan = tmp.path('plan.yaml');
      await run(['plan', tmp.path('a.yaml'), '--out', plan]);
      writeFileSync(plan, readFileSync(plan, 'utf8').replace('- id: vision-review', '- id: old-action'));
      const v = await run(['validate', plan]);
      expect(v.code).toBe(0);
      expect(v.stdout).toMatch(/plan\.yaml:\d+:\d+: .*"old-action" is no longer in the criteria/);
      const r = await run(['report', tmp.path('a.yaml'), '--plan', plan, '--lang', 'en']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/no longer in the criteria/);
      const u = await run(['plan', tmp.path('a.yaml'), '--out', plan, '--update']);
      expect(u.code).toBe(0);
      expect(readFileSync(plan, 'utf8')).toContain('- id: old-action');
    } finally {
      tmp.cleanup();
    }
  });
});

describe('village report --previous: what changed since last time', () => {
  it('shows the level then and now, pillar and question changes, and each planned action beside its question', async () => {
    const r = await run(['report', `${E}/ergli/`, '--previous', `${ROOT}/examples-progress/ergli-2025/`, '--plan', `${ROOT}/examples-progress/ergli-plan.yaml`, '--lang', 'en']);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md).toContain('## What changed since 2025-05-14');
    expect(md).toContain('**Level:** Starting out → Village in transition');
    expect(md).toMatch(/Shared long-term vision\*\* \(Holistic strategy\): 1 — Ideas only → 2\.7 — Established/);
    expect(md).toContain('done, and “Digital solutions” rose from 1 to 2'.replace(/“|”/g, ''));
    expect(md).toContain('done, but no change yet');
    expect(md).toContain('not started');
    expect(md).toMatch(/\*\*Answered for the first time:\*\* Smart farming|\*\*Answered for the first time:\*\*/);
    // The section comes before the level, on the first page.
    expect(md.indexOf('What changed since')).toBeLessThan(md.indexOf('## Where the community stands'));
  });

  it('reads last time from the plan file, and carries previous and change in JSON', async () => {
    const r = await run(['report', `${E}/ergli/`, '--previous', `${ROOT}/examples-progress/ergli-plan.yaml`, '--plan', `${ROOT}/examples-progress/ergli-plan.yaml`, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      previous: { date: string; level: string };
      change: { level: { then: string; now: string }; criteria: { criterion: string; change: string }[]; actions: { id: string; status: string; change: string | null }[] };
    };
    expect(doc.previous.date).toBe('2025-05-14');
    expect(doc.change.level).toEqual({ then: 'starting', now: 'transition', changed: true });
    expect(doc.change.criteria.find((c) => c.criterion === 'innovation.agriculture')?.change).toBe('newly-answered');
    expect(doc.change.actions.find((a) => a.id === 'community-channel')).toMatchObject({ status: 'done', change: 'up' });
  });

  it('refuses an earlier assessment dated after the new one, pointing at its date', async () => {
    const r = await run(['report', `${ROOT}/examples-progress/ergli-2025/`, '--previous', `${E}/ergli/`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ergli\/[a-z-]+\.yaml:\d+:7: .*2026-05-2\d.*2025-05-14/);
  });

  it('compares only the questions both share when the criteria changed, and says so', async () => {
    const tmp = tempDir({ 'new.yaml': answersYaml('Ērgļi', all(2), { date: '2026-05-01' }) });
    try {
      const old = readFileSync(`${ROOT}/examples-progress/ergli-plan.yaml`, 'utf8')
        .replace('version: 2.0.0', 'version: 1.0.0')
        .replace(/ {4}strategy\.resilience: .*\n/, '    strategy.old-question: 2\n');
      writeFileSync(tmp.path('old-plan.yaml'), old);
      const r = await run(['report', tmp.path('new.yaml'), '--previous', tmp.path('old-plan.yaml'), '--lang', 'en', '--format', 'json']);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout) as { change: { framework_changed: boolean; added: string[]; removed: string[]; pillars: { id: string; delta: number | null; comparable: boolean }[]; overall: { comparable: boolean } } };
      expect(doc.change.framework_changed).toBe(true);
      expect(doc.change.added).toEqual(['strategy.resilience']);
      expect(doc.change.removed).toEqual(['strategy.old-question']);
      expect(doc.change.pillars.find((p) => p.id === 'strategy')).toMatchObject({ comparable: false, delta: null });
      expect(doc.change.pillars.find((p) => p.id === 'innovation')?.comparable).toBe(true);
      expect(doc.change.overall.comparable).toBe(false);
      const md = (await run(['report', tmp.path('new.yaml'), '--previous', tmp.path('old-plan.yaml'), '--lang', 'en'])).stdout;
      expect(md).toContain('only the 26 questions both share are compared');
      expect(md).toMatch(/Holistic strategy \| [\d.]+ \| [\d.]+ \| not comparable: computed over different questions; over the 8 questions both share/);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('village history', () => {
  it('prints a table of the assessments, and writes Markdown with the actions done between them', async () => {
    const t = await run(['history', `${ROOT}/examples-progress/ergli-2025/`, `${E}/ergli/`, '--lang', 'en']);
    expect(t.code).toBe(0);
    const lines = t.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Assessment\s+Level\s+Overall\s+strategy\s+innovation\s+participation$/);
    expect(lines[1]).toMatch(/^2025-05-14\s+Starting out\s+38\.5/);
    expect(lines[2]).toMatch(/^2026-05-22\s+Village in transition\s+53\.7/);
    const tmp = tempDir();
    try {
      const md = await run(['history', `${ROOT}/examples-progress/ergli-2025/`, `${E}/ergli/`, '--plan', `${ROOT}/examples-progress/ergli-plan.yaml`, '--out', tmp.path('h.md'), '--lang', 'en']);
      expect(md.code).toBe(0);
      const text = readFileSync(tmp.path('h.md'), 'utf8');
      expect(text).toContain('Between 2025-05-14 and 2026-05-22');
      expect(text).toContain('(Anna Bērziņa)');
    } finally {
      tmp.cleanup();
    }
  });
});
