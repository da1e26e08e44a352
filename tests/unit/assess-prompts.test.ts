import { Chalk } from 'chalk';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { questionKeys } from '../../src/commands/assess/screens.js';
import { resumeCommand } from '../../src/commands/assess/shell.js';
import type { Answer } from '../../src/core/answers.js';
import { progressOf, startSession } from '../../src/core/session.js';
import { labelsFor } from '../../src/i18n/messages.js';
import { responseFromText, loadFramework } from '../../src/io/load.js';
import { parseKeys, textWidth, type Key } from '../../src/io/prompts.js';
import { answersYaml, editAnswers } from '../../src/render/answers-yaml.js';
import { questionFrame, questionView } from '../../src/render/assess-screen.js';
import { ROOT } from '../helpers/cli.js';

const fw = loadFramework(`${ROOT}/criteria/smart-village.yaml`).value!;
const plain = new Chalk({ level: 0 });

const viewOf = (id: string, lang: 'lv' | 'en', answer?: Answer) => {
  const s = startSession(fw);
  const at = { ...s, at: { mode: 'walk' as const, index: s.order.indexOf(id) } };
  return questionView(fw, fw.criteria.get(id)!, progressOf(at, fw)!, answer, lang, labelsFor(lang), { village: 'Pļaviņu novada Klintaines pagasta Dzelmes ciems', status: 'Saglabāts failā ergli.yaml' });
};

describe('the question screen', () => {
  it('a digit selects the score with that value; n selects n/a; letters act at once', () => {
    const L = labelsFor('en');
    const v = viewOf('strategy.vision', 'en');
    const ks = questionKeys(v, undefined, L, plain);
    const press = (keys: string) =>
      parseKeys(keys).reduce<{ state: typeof ks.state; done?: unknown }>((acc, k: Key) => {
        if (acc.done !== undefined) return acc;
        const r = ks.key(acc.state, k);
        return 'done' in r ? { ...acc, done: r.done } : { state: r.state };
      }, { state: ks.state });
    for (const d of [0, 1, 2, 3, 4]) expect(press(`${d}\r\r`).done).toEqual({ kind: 'answer', answer: { score: d, note: null } });
    expect(press('n\rnot here\r').done).toEqual({ kind: 'answer', answer: { score: 'n/a', note: 'not here' } });
    // d: "don't know", its own answer (#14b); an answered one starts with it under the cursor.
    expect(press('d\rask the council\r').done).toEqual({ kind: 'answer', answer: { score: 'dont-know', note: 'ask the council' } });
    const again = questionKeys(v, { score: 'dont-know', note: null }, L, plain);
    expect(v.choices[again.state.cursor]?.value).toEqual({ kind: 'dontKnow' });
    // Enter on an open criterion with nothing selected does nothing (no 0 by accident).
    expect(press('\r').done).toBeUndefined();
    expect(press('s').done).toEqual({ kind: 'skip' });
    expect(press('b').done).toEqual({ kind: 'back' });
    expect(press('o').done).toEqual({ kind: 'overview' });
    expect(press('r').done).toEqual({ kind: 'review' });
    // Esc on the note goes back to the score; a pasted note keeps its line breaks.
    expect(press('3\r\x1b1\r\x1b[200~line one\r\nline two\x1b[201~\r').done).toEqual({ kind: 'answer', answer: { score: 1, note: 'line one\nline two' } });
    expect(press('2\rfirst\nsecond\r').done).toEqual({ kind: 'answer', answer: { score: 2, note: 'first\nsecond' } });
  });

  it.each([
    [80, 24],
    [60, 20],
    [200, 50],
  ])('fits %i×%i with every choice, the key line and the file line visible, in both languages', (cols, rows) => {
    for (const lang of ['lv', 'en'] as const) {
      for (const id of fw.criteria.keys()) {
        const v = viewOf(id, lang);
        const frame = questionFrame(v, 3, { cols, rows }, plain, false);
        expect(frame.lines.length).toBeLessThanOrEqual(rows);
        for (const l of frame.lines) expect(textWidth(l)).toBeLessThanOrEqual(cols - 1);
        const text = frame.lines.join('\n');
        for (let s = 0; s <= 4; s++) expect(text).toMatch(new RegExp(`^(❯ |  )${s} · `, 'm'));
        expect(text).toContain('n/a — ');
        expect(text).toContain(lang === 'lv' ? 'nezinām — jānoskaidro' : "don't know — to find out");
        expect(frame.lines.join(' ')).toContain(lang === 'lv' ? 's izlaist · b atpakaļ' : 's skip · b back');
        expect(text).toContain('ergli.yaml');
        expect(frame.lines[0]).toContain(lang === 'lv' ? 'Jautājums' : 'Question');
      }
    }
  });
});

describe('the pillar\'s definition (#14b)', () => {
  it('is on the first question of each pillar while it is open, and only there', () => {
    for (const p of fw.pillars) {
      const [first, second] = p.criteria;
      expect(viewOf(first!.id, 'en').pillarAbout).toBe(p.description?.en);
      expect(viewOf(second!.id, 'en').pillarAbout).toBeNull();
      // Back on an answered one (a correction), the answer so far takes the room instead.
      expect(viewOf(first!.id, 'en', { score: 2, note: null }).pillarAbout).toBeNull();
    }
  });

  it('is drawn whole at 80×24 and 200×50, or not at all when it does not fit; always in plain mode', () => {
    for (const p of fw.pillars) {
      const v = viewOf(p.criteria[0]!.id, 'lv');
      const head = (p.description?.lv ?? '').slice(0, 30);
      const at = (cols: number, rows: number, plainMode = false) => questionFrame(v, -1, { cols, rows }, plain, plainMode).lines.join(' ').replace(/\s+/g, ' ');
      const lastWords = (p.description?.lv ?? '').split(/\s+/).slice(-3).join(' ');
      for (const [cols, rows] of [[80, 24], [200, 50]] as const) {
        expect(at(cols, rows)).toContain(head);
        expect(at(cols, rows)).toContain(lastWords);
      }
      expect(at(60, 12)).not.toContain(head);
      expect(at(60, 12, true)).toContain(lastWords);
    }
  });
});

/** Text of every kind a room types: line breaks, quotes, #, ": ", emoji, NBSP, control characters. */
function randomText(seed: number): string {
  const parts = ['\n', '\r\n', '"', "'", '#', ': ', '- ', '🚀👍🏽', '\u00a0', '\t', '\x01', '\x7f', '\u2028', '\\', '{', '}', '[', ']', 'ā č ē', ' ', '&', '*', '!', '%', '@', '`', '|', '>', 'null', 'yes', '3', '---'];
  let x = seed * 2654435761;
  let out = '';
  const n = 1 + (seed % 12);
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += parts[x % parts.length] ?? '';
  }
  return out;
}

describe('the answers file', () => {
  it('round-trips every text field through YAML (generated text)', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const t = randomText(seed);
      const village = `Ciems ${t}`.trim() === '' ? 'Ciems' : `Ciems ${t}`;
      const meta = { village, municipality: t, lag: `${t}x`, respondent: `x${t}`, date: '2026-03-14', language: 'lv' };
      const note = `n ${t}`;
      let text = answersYaml(fw, meta, new Map([['strategy.vision', { score: 2, note }]]), 'Title # with a comment char');
      text = editAnswers(text, { answers: new Map([['strategy.assets', { score: null, note: t === '' ? 'x' : t }]]), meta: { lag: `l:${t}` } });
      const data = parse(text) as Record<string, unknown>;
      expect(data.village).toBe(village);
      expect(data.municipality).toBe(t);
      expect(data.lag).toBe(`l:${t}`);
      const answers = data.answers as Record<string, { note: string } | null>;
      expect(answers['strategy.vision']?.note).toBe(note);
      expect(answers['strategy.assets']?.note).toBe(t === '' ? 'x' : t);
    }
  });

  it('is accepted by the kit as it writes it', () => {
    const meta = { village: 'Ērgļi\nciems', municipality: 'a: b # c', lag: 'Biedrība\nMadonas fonds', respondent: null, date: '2026-03-14', language: 'lv' };
    const text = answersYaml(fw, meta, new Map([['strategy.vision', { score: 3, note: 'rinda 1\nrinda 2 🚀' }]]), 'T');
    const r = responseFromText(text, 'x.yaml', fw);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.value?.lag).toBe('Biedrība\nMadonas fonds');
    expect(r.value?.answers.get('strategy.vision')?.note).toBe('rinda 1\nrinda 2 🚀');
  });
});

describe('the resume hint', () => {
  it('keeps --lang and --criteria and is quoted for POSIX shells and PowerShell', () => {
    expect(resumeCommand({ file: 'ērgļi-2026-03-14.yaml', lang: 'en' }, 'linux')).toBe('village assess --answers ērgļi-2026-03-14.yaml --lang en');
    expect(resumeCommand({ file: 'ērgļi-(madonas-nov.)-2026.yaml' }, 'linux')).toBe("village assess --answers 'ērgļi-(madonas-nov.)-2026.yaml'");
    expect(resumeCommand({ file: "o'brien & co.yaml", criteria: 'my lag.yaml' }, 'linux')).toBe("village assess --answers 'o'\\''brien & co.yaml' --criteria 'my lag.yaml'");
    expect(resumeCommand({ file: "o'brien & co.yaml" }, 'win32')).toBe("village assess --answers 'o''brien & co.yaml'");
  });
});
