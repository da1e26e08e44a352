import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './cli.js';

/**
 * A minimal LSP client for yaml-language-server over stdio: JSON-RPC with Content-Length
 * framing, requests with ids, notifications collected, the server's own requests answered
 * (workspace/configuration gets the YAML settings).
 */
export class Lsp {
  private readonly proc: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  readonly notifications: { method: string; params: unknown }[] = [];
  private readonly waiters: (() => void)[] = [];
  readonly settings = { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, format: { enable: false } } };

  constructor() {
    this.proc = spawn(process.execPath, [join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.proc.stdout?.on('data', (chunk: Buffer) => this.read(chunk));
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as {
        id?: number;
        method?: string;
        params?: unknown;
        result?: unknown;
      };
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (body.method && body.id !== undefined) {
        const result = body.method === 'workspace/configuration' ? ((body.params as { items?: unknown[] }).items ?? []).map(() => this.settings.yaml) : null;
        this.send({ jsonrpc: '2.0', id: body.id, result });
      } else if (body.method) {
        this.notifications.push({ method: body.method, params: body.params });
        for (const w of this.waiters.splice(0)) w();
      } else if (body.id !== undefined) {
        this.pending.get(body.id)?.(body.result);
        this.pending.delete(body.id);
      }
    }
  }

  private send(message: object): void {
    const text = JSON.stringify(message);
    this.proc.stdin?.write(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve) => {
      this.pending.set(id, (r) => resolve(r as T));
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * Writes `text` to `file`, starts the session with the workspace `root` and the client's
   * `textDocument` capabilities, and opens the file; its URI.
   */
  async open(root: string, file: string, text: string, textDocument: object): Promise<string> {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    await this.request('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { workspace: { configuration: true }, textDocument } });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: this.settings });
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return uri;
  }

  /** The text of a hover answer (markup or plain; empty for none). */
  static hoverText(hover: { contents: { value: string } | string } | null): string {
    return hover === null ? '' : typeof hover.contents === 'string' ? hover.contents : hover.contents.value;
  }

  /** Waits until a notification satisfies `test` (the test's own timeout bounds the wait). */
  async until<T>(test: (n: { method: string; params: unknown }) => T | undefined): Promise<T> {
    for (;;) {
      for (const n of this.notifications) {
        const hit = test(n);
        if (hit !== undefined) return hit;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  close(): void {
    this.proc.kill();
  }
}
