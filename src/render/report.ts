import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { PlanView } from './plan-view.js';
import { readText } from '../io/read.js';
import { TEMPLATES_DIR } from '../paths.js';
import { VERSION } from '../version.js';

import type { Paper, ReportFormat } from '../vocab.js';

export type { Paper, ReportFormat } from '../vocab.js';

export const DEFAULT_TEMPLATE = join(TEMPLATES_DIR, 'report.md.hbs');

/** The bundled partials (`{{> progress}}`, `{{> plan-status}}`), which any template may include. */
const PARTIALS = ['progress', 'plan-status'] as const;

function bundledPartials(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PARTIALS) {
    const read = readText(join(TEMPLATES_DIR, 'partials', `${name}.md.hbs`));
    if (read.text !== undefined) out[name] = read.text;
  }
  return out;
}

export interface ReportOptions {
  format: ReportFormat;
  /** A Handlebars template file for Markdown (default: the bundled one). */
  template?: string | undefined;
  paper?: Paper;
}

export type Rendered = { data: string | Buffer; diagnostic?: undefined } | { data?: undefined; diagnostic: Diagnostic };

/** Loads a template once; a renderer for many plans (batch reports reuse it). */
export async function reportRenderer(opts: ReportOptions): Promise<{ render: (plan: PlanView) => Promise<Rendered>; diagnostic?: Diagnostic }> {
  if (opts.format === 'json') {
    const { planJson } = await import('./plan-json.js');
    return { render: (plan) => Promise.resolve({ data: planJson(plan) }) };
  }
  if (opts.format === 'pdf') {
    const { renderPdf } = await import('./pdf.js');
    return { render: async (plan) => ({ data: await renderPdf(plan, { paper: opts.paper ?? 'a4', version: VERSION }) }) };
  }
  const file = opts.template ?? DEFAULT_TEMPLATE;
  const read = readText(file);
  if (read.diagnostic) return { render: () => Promise.resolve({ diagnostic: read.diagnostic }), diagnostic: read.diagnostic };
  const { compileMarkdown, TemplateError, TemplateLimitError } = await import('./markdown.js');
  const asDiagnostic = (e: unknown): Diagnostic => {
    if (e instanceof TemplateLimitError) return { severity: 'error', code: 'template.limit', params: { limit: e.limit }, file, line: 1, column: 1 };
    if (!(e instanceof TemplateError)) throw e;
    return { severity: 'error', code: 'template.error', params: { detail: e.message }, file, line: e.line, column: e.column };
  };
  let render: ReturnType<typeof compileMarkdown>;
  try {
    render = compileMarkdown(read.text, bundledPartials());
  } catch (e) {
    const diagnostic = asDiagnostic(e);
    return { render: () => Promise.resolve({ diagnostic }), diagnostic };
  }
  return {
    render: (plan) => {
      try {
        return Promise.resolve({ data: render(plan, { kit: { version: VERSION } }) });
      } catch (e) {
        return Promise.resolve({ diagnostic: asDiagnostic(e) });
      }
    },
  };
}
