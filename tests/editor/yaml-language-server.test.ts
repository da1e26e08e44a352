import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, ROOT, tempDir, village } from '../helpers/cli.js';
import { Lsp } from '../helpers/lsp.js';

interface Diagnostic {
  message: string;
  range: { start: { line: number; character: number } };
}

/**
 * The real yaml-language-server (the engine of VS Code's YAML extension), driven over stdio,
 * against a criteria file whose `$schema` line points at the schema `village schema --out` wrote.
 */
describe('the schemas in an editor (yaml-language-server)', () => {
  const repo = tempDir();
  const lsp = new Lsp();
  afterAll(() => {
    lsp.close();
    repo.cleanup();
  });

  it('reports a wrong key, completes a key, and shows the description on hover', async () => {
    expect(village(['schema', 'criteria', '--out', repo.path('schema')]).code).toBe(0);
    const body = readFileSync(`${FIXTURES}/four-pillars.yaml`, 'utf8').replace(/^# yaml-language-server:.*\n/m, '');
    // A typo'd key ("titel") in the first pillar, and coverage_min to hover over.
    const text = `# yaml-language-server: $schema=../schema/criteria.schema.json\n${body.replace(/^(\s+)title:/m, '$1titel:')}`;
    const uri = await lsp.open(repo.dir, repo.path('criteria/my-lag.yaml'), text, {
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: false } },
    });

    const lines = text.split('\n');
    const typoLine = lines.findIndex((l) => /^\s+titel:/.test(l));
    const diagnostics = await lsp.until((n) => {
      const p = n.params as { uri?: string; diagnostics?: Diagnostic[] };
      return n.method === 'textDocument/publishDiagnostics' && p.uri === uri && (p.diagnostics?.length ?? 0) > 0 ? p.diagnostics : undefined;
    });
    expect(diagnostics.some((d) => /titel/.test(d.message) && d.range.start.line === typoLine)).toBe(true);

    // Completion on a new key line at the top level offers the keys not written yet.
    const withBlank = `${text}\n`;
    const lastLine = withBlank.split('\n').length - 1;
    lsp.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: withBlank }] });
    const completion = await lsp.request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: lastLine, character: 0 },
    });
    const labels = (Array.isArray(completion) ? completion : completion.items).map((i) => i.label);
    expect(labels).toContain('funding');

    // Hover on coverage_min shows its description from the schema.
    const covLine = lines.findIndex((l) => l.startsWith('coverage_min:'));
    expect(covLine).toBeGreaterThan(0);
    const hover = await lsp.request<{ contents: { value: string } | string } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: covLine, character: 3 },
    });
    const value = Lsp.hoverText(hover);
    expect(value).toContain('The share (0–1) of weighted criteria that must be answered');
  }, 120_000);
});

/** The answers schema of one framework (`village schema answers --criteria FILE`): hover on a criterion id shows its question. */
describe('a framework-specific answers schema in an editor (yaml-language-server)', () => {
  const repo = tempDir();
  const lsp = new Lsp();
  afterAll(() => {
    lsp.close();
    repo.cleanup();
  });

  it('shows the question of a criterion on hover of its id', async () => {
    const written = village(['schema', 'answers', '--criteria', `${ROOT}/criteria/smart-village.yaml`, '--out', repo.path('schema')]);
    expect(written.code, written.stderr).toBe(0);
    const body = readFileSync(`${EXAMPLES}/alsunga.yaml`, 'utf8').replace(/^# yaml-language-server:.*\n/m, '');
    const text = `# yaml-language-server: $schema=../schema/answers.smart-village-lv.schema.json\n${body}`;
    const uri = await lsp.open(repo.dir, repo.path('answers/alsunga.yaml'), text, { hover: { contentFormat: ['markdown', 'plaintext'] } });

    const line = text.split('\n').findIndex((l) => l.startsWith('  strategy.vision:'));
    expect(line).toBeGreaterThan(0);
    const hover = await lsp.request<{ contents: { value: string } | string } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 5 },
    });
    const value = Lsp.hoverText(hover);
    const question = /- id: vision\n\s+title:[\s\S]*?question:\n\s+lv: "?([^"\n]+)/.exec(readFileSync(`${ROOT}/criteria/smart-village.yaml`, 'utf8'))?.[1];
    expect(question).toBeTruthy();
    expect(value).toContain(question);
  }, 120_000);
});
