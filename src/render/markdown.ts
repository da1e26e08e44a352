import Handlebars from 'handlebars';
import type { PlanView } from './plan-view.js';
import { deepEscape, escapeMarkdown } from './escape.js';

/** Thrown for a template that does not compile or asks for a field the report does not have. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const HELPERS = {
  /** A text bar for a 0–100 score: `███████░░░`. */
  bar: (score: unknown): string => {
    if (typeof score !== 'number') return '';
    const filled = Math.round(Math.max(0, Math.min(100, score)) / 10);
    return `${'█'.repeat(filled)}${'░'.repeat(10 - filled)}`;
  },
  /** Joins a list: `{{join partners ", "}}`. */
  join: (list: unknown, sep: unknown): string => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : ''),
  /** `{{#if (eq level.id "lighthouse")}}`. */
  eq: (a: unknown, b: unknown): boolean => a === b,
  /** 1-based position inside `#each`: `{{inc @index}}`. */
  inc: (n: unknown): number => (typeof n === 'number' ? n + 1 : 0),
} as const;

/** Labels as a template sees them: `report.title` becomes `labels.report.title`. */
export function nestLabels(labels: Record<string, string>): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [key, value] of Object.entries(labels)) {
    const dot = key.indexOf('.');
    const group = key.slice(0, dot);
    (out[group] ??= {})[key.slice(dot + 1)] = value;
  }
  return out;
}

/**
 * Compiles a Handlebars template once into a renderer of plans (a batch renders hundreds). The
 * environment is isolated, knows only our helpers, has no prototype access, and is strict (a
 * misspelt field is an error, not a blank). Every string of the plan is Markdown-escaped before
 * the template sees it, so the template itself never needs to escape (and `{{{x}}}` cannot
 * smuggle raw text in). Both compiling and rendering throw TemplateError.
 */
export function compileMarkdown(
  template: string,
  partials: Readonly<Record<string, string>> = {},
): (plan: PlanView, extra?: Record<string, unknown>) => string {
  const hbs = Handlebars.create();
  for (const [name, text] of Object.entries(partials)) hbs.registerPartial(name, text);
  let compiled: HandlebarsTemplateDelegate;
  try {
    compiled = hbs.compile(template, {
      noEscape: true,
      strict: true,
      knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true])),
      knownHelpersOnly: true,
    });
  } catch (e) {
    throw templateError(e);
  }
  return (plan, extra = {}) => {
    const context = deepEscape({ ...plan, labels: nestLabels(plan.labels), ...extra }, escapeMarkdown);
    try {
      return compiled(context, {
        helpers: HELPERS,
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
      });
    } catch (e) {
      throw templateError(e);
    }
  };
}

function templateError(e: unknown): TemplateError {
  const msg = e instanceof Error ? e.message : String(e);
  const parse = /Parse error on line (\d+):/.exec(msg);
  if (parse) {
    const detail = msg.split('\n').slice(-1)[0] ?? msg;
    return new TemplateError(detail, Number(parse[1]), 1);
  }
  const strict = /^(.*?) - (\d+):(\d+)$/.exec(msg);
  if (strict) return new TemplateError(strict[1] ?? msg, Number(strict[2]), Number(strict[3]) + 1);
  const loc = e as { lineNumber?: number; column?: number };
  return new TemplateError(msg.split('\n')[0] ?? msg, loc.lineNumber ?? 1, (loc.column ?? 0) + 1);
}
