import { render } from '@inquirer/testing';
import { input, select, Separator } from '@inquirer/prompts';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/io/load.js';
import { labelsFor } from '../../src/i18n/messages.js';
import { progressOf, startSession } from '../../src/core/session.js';
import { questionChoices, questionHeader, type QuestionChoice } from '../../src/render/assess-screen.js';
import { ROOT } from '../helpers/cli.js';

const fw = loadFramework(`${ROOT}/criteria/smart-village.yaml`).value!;
const plain = new Chalk({ level: 0 });
const L = labelsFor('lv');
const criterion = fw.criteria.get('strategy.data')!;

const selectConfig = (answer?: { score: number | 'n/a'; note: string | null }) => ({
  message: L['assess.choose'],
  choices: questionChoices(fw, criterion, answer, 'lv', L).map((i) => (i === 'separator' ? new Separator() : i)),
  instructions: { navigation: L['assess.nav'], pager: L['assess.nav'] },
  loop: false,
  pageSize: 14,
});

describe('the question screen', () => {
  it('shows the pillar, the position, the question and the help', () => {
    // strategy.data is the sixth question: the five before it are answered.
    const s = startSession(fw, new Map([...fw.criteria.keys()].slice(0, 5).map((id) => [id, { score: 2, note: null }])));
    const header = questionHeader(fw, criterion, progressOf(s, fw)!, undefined, 'lv', L, plain, 100);
    expect(header).toContain('Jautājums 6 no 27  ■■■■■□□□□□□□□□□□□□□□□□□□□□□');
    expect(header).toContain('Holistiska stratēģija: jautājums 6 no 9, atbildēti 5');
    expect(header).toContain('Lēmumi, kas balstīti uz datiem\nVai kopiena, pieņemot lēmumus, izmanto datus');
    expect(header).toContain('Mentoram: Pamatojums: rādītāju saraksts');
  });

  it('offers every scale step with its label and rubric, n/a, skip, back, overview and review', async () => {
    const { answer, events, getScreen } = await render(select<QuestionChoice>, selectConfig());
    const screen = getScreen();
    expect(screen).toContain('❯ 0 · Vēl nav — Datus neizmanto.');
    // This rubric line is longer than the screen and wraps: compare it as one line.
    expect(screen.replace(/\s*\n\s*/g, ' ')).toContain('3 · Darbojas — Ir rādītāji, kurus regulāri atjauno un izmanto, pieņemot lēmumus.');
    for (const text of ['n/a — nav attiecināms / nezinu', 'Izlaist pagaidām', '← Atpakaļ', 'Kritēriju pārskats', 'Pārskatīt un pabeigt', '↑↓ pārvietoties · ⏎ izvēlēties']) {
      expect(screen).toContain(text);
    }
    events.keypress('down');
    events.keypress('down');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ kind: 'score', score: 3 });
  });

  it('reaches n/a and skip with the arrow keys', async () => {
    const na = await render(select<QuestionChoice>, selectConfig());
    for (let i = 0; i < 5; i++) na.events.keypress('down');
    na.events.keypress('enter');
    await expect(na.answer).resolves.toEqual({ kind: 'na' });
    const skip = await render(select<QuestionChoice>, selectConfig());
    for (let i = 0; i < 6; i++) skip.events.keypress('down');
    skip.events.keypress('enter');
    await expect(skip.answer).resolves.toEqual({ kind: 'skip' });
  });

  it('says "keep" instead of "skip" for an answered criterion, and shows the answer so far', () => {
    const items = questionChoices(fw, criterion, { score: 2, note: 'x' }, 'lv', L);
    expect(items.some((i) => i !== 'separator' && i.name === 'Atstāt šo atbildi un turpināt')).toBe(true);
    const header = questionHeader(fw, criterion, progressOf(startSession(fw), fw)!, { score: 2, note: 'Tabula 2025' }, 'lv', L, plain, 100);
    expect(header).toContain('Līdzšinējā atbilde: 2 — Aizsākts\n  “Tabula 2025”');
  });

  it('speaks English', async () => {
    const en = labelsFor('en');
    const { getScreen } = await render(select<QuestionChoice>, {
      message: en['assess.choose'],
      choices: questionChoices(fw, criterion, undefined, 'en', en).map((i) => (i === 'separator' ? new Separator() : i)),
    });
    expect(getScreen()).toContain('3 · Established — Indicators are updated regularly and used in decisions.');
    expect(getScreen()).toContain("n/a — not applicable / don't know");
  });

  it('takes a note with Latvian letters', async () => {
    const { answer, events } = await render(input, { message: L['assess.note'] });
    events.type('Tabula ar 7 rādītājiem — ā č ē ģ ī ķ ļ ņ š ū ž');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Tabula ar 7 rādītājiem — ā č ē ģ ī ķ ļ ņ š ū ž');
  });
});
