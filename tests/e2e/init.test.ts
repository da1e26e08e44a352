import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { dirname, join, resolve } from 'node:path';
import { ROOT, tempDir, village } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('village init', () => {
  it('writes a blank YAML answers file with the questions, help and scale as comments, valid as it is', () => {
    const file = tmp.path('ergli.yaml');
    const r = village(['init', '--village', 'Ērgļi', '--out', file]);
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    // The $schema line resolves: a relative path to the installed kit's schema (nothing nearer here).
    const line = /^# yaml-language-server: \$schema=(\.{1,2}\/.*)$/.exec(text.split('\n')[0] ?? '');
    expect(resolve(dirname(file), line?.[1] ?? '')).toBe(join(ROOT, 'schema', 'answers.schema.json'));
    expect(text).toContain('village: Ērgļi\n');
    expect(text).toContain('  # 1/27 Kopīga ilgtermiņa vīzija\n');
    expect(text).toContain('  # Jautājums: Vai kopienai ir kopīgi veidots ilgtermiņa attīstības redzējums (vīzija)?\n');
    expect(text).toContain('  # 3: Darbojas — Vīzija ir pierakstīta, kopīgi apspriesta un pieejama visiem.\n');
    expect(text.match(/^ {2}[a-z-]+\.[a-z-]+: null$/gm)).toHaveLength(27);
    expect(village(['validate', file]).code).toBe(0);
    const scored = JSON.parse(village(['score', file, '--format', 'json']).stdout) as { results: { level: string; overall: number | null }[] };
    expect(scored.results[0]).toMatchObject({ level: 'incomplete', overall: null });
  });

  it('points the $schema line at the schema a repository committed with village schema answers --out', () => {
    const repo = tempDir();
    expect(village(['schema', 'answers', '--out', repo.path('schema')]).code).toBe(0);
    expect(readFileSync(repo.path('schema/answers.schema.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'schema', 'answers.schema.json'), 'utf8'));
    expect(village(['init', '--village', 'X', '--out', repo.path('answers/x.yaml')]).code).toBe(0);
    const first = readFileSync(repo.path('answers/x.yaml'), 'utf8').split('\n')[0];
    repo.cleanup();
    expect(first).toBe('# yaml-language-server: $schema=../schema/answers.schema.json');
    expect(village(['init', '--village', 'X', '--schema-url', 'https://example.org/a.json']).stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=https://example.org/a.json');
  });

  it('round-trips: a filled-in blank file scores', () => {
    const file = tmp.path('filled.yaml');
    village(['init', '--village', 'Alsunga', '--lang', 'en', '--out', file]);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# Question: Does the community have a long-term development vision');
    writeFileSync(file, text.replace(/: null$/gm, ': 3').replace('respondent: 3', 'respondent: Līga').replace(/^(municipality|lag|date): 3$/gm, '$1: null'));
    const r = JSON.parse(village(['score', file, '--format', 'json']).stdout) as { results: { level: string; overall: number }[] };
    expect(r.results[0]).toMatchObject({ overall: 75, level: 'lighthouse' });
  });

  it('quotes a village name YAML would misread', () => {
    const out = village(['init', '--village', 'no: "x" #1']).stdout;
    expect(out).toContain(`village: 'no: "x" #1'\n`);
  });

  it('writes a CSV template with ids or question texts, and reads it back', () => {
    const ids = village(['init', '--format', 'csv']).stdout.trim();
    expect(ids.split(',').slice(0, 5)).toEqual(['village', 'respondent', 'date', 'strategy.vision', 'strategy.assets']);
    const file = tmp.path('aptauja.csv');
    expect(village(['init', '--format', 'csv', '--headers', 'question', '--separator', ';', '--out', file]).code).toBe(0);
    const header = readFileSync(file, 'utf8');
    expect(header.startsWith('\uFEFFCiems;Respondents;Datums;Vai kopienai ir kopīgi veidots')).toBe(true);
    writeFileSync(file, `${header}Ērgļi;Ilze;14.03.2026;${new Array(27).fill('Darbojas').join(';')}\r\n`);
    const r = JSON.parse(village(['score', file, '--format', 'json']).stdout) as { results: { village: string; overall: number; date: string }[] };
    expect(r.results[0]).toMatchObject({ village: 'Ērgļi', overall: 75, date: '2026-03-14' });
  });

  it('needs a village for YAML and never overwrites without --force', () => {
    expect(village(['init']).code).toBe(2);
    const file = tmp.path('keep.yaml');
    writeFileSync(file, 'mine');
    expect(village(['init', '--village', 'X', '--out', file]).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
});
