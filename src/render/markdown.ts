import Handlebars from 'handlebars';
import type { PlanView } from './plan-view.js';
import { deepEscape, escapeMarkdown, needsEscape } from './escape.js';

/** Escaped texts by text: a batch's plans repeat the framework's texts thousands of times. */
const ESCAPED = new Map<string, string>();
const escapeOnce = (s: string): string => {
  if (!needsEscape(s)) return s;
  const known = ESCAPED.get(s);
  if (known !== undefined) return known;
  const escaped = escapeMarkdown(s);
  if (ESCAPED.size < 50_000 && s.length < 2_000) ESCAPED.set(s, escaped);
  return escaped;
};

/** The labels of a language as a template sees them (nested, escaped), by the catalogue's labels object. */
const LABELS = new WeakMap<object, unknown>();
function escapedLabels(labels: Record<string, string>): unknown {
  let known = LABELS.get(labels);
  if (known === undefined) LABELS.set(labels, (known = deepEscape({ labels: nestLabels(labels) }, escapeOnce, true).labels));
  return known;
}

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

/** A plan is a few pages: a template that writes more than this, or nests deeper, is stopped. */
export const TEMPLATE_LIMITS = { bytes: 5 * 1024 * 1024, depth: 12, blocks: 200_000 } as const;

/** Thrown when a template goes over TEMPLATE_LIMITS; reported as `template.limit`. */
export class TemplateLimitError extends Error {
  constructor(readonly limit: string) {
    super(`template limit: ${limit}`);
  }
}

/**
 * The built-in block helpers, wrapped so a template's work is bounded: each block body rendered
 * counts, as does the text it returns and how deep blocks nest; over a limit the render stops with
 * TemplateLimitError (five nested `#each` took minutes and gigabytes before). `lookup` is strict
 * like the rest (a missing field is an error, not a blank).
 */
function boundedHelpers(hbs: typeof Handlebars): { helpers: Record<string, Handlebars.HelperDelegate>; reset: () => void } {
  const budget = { bytes: 0, blocks: 0, depth: 0 };
  const guard = (fn: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate =>
    function (this: unknown, ctx: unknown, o?: Handlebars.RuntimeOptions): string {
      if (++budget.blocks > TEMPLATE_LIMITS.blocks) throw new TemplateLimitError(`${TEMPLATE_LIMITS.blocks} blocks`);
      if (++budget.depth > TEMPLATE_LIMITS.depth) throw new TemplateLimitError(`${TEMPLATE_LIMITS.depth} nested blocks`);
      try {
        const text = fn.call(this, ctx, o);
        budget.bytes += text.length;
        if (budget.bytes > TEMPLATE_LIMITS.bytes) throw new TemplateLimitError(`${TEMPLATE_LIMITS.bytes} bytes`);
        return text;
      } finally {
        budget.depth--;
      }
    };
  const wrap = (name: string): Handlebars.HelperDelegate => {
    const original = hbs.helpers[name] as Handlebars.HelperDelegate;
    return function (this: unknown, ...args: unknown[]): unknown {
      const options = args[args.length - 1] as Handlebars.HelperOptions;
      // Strict mode does not check a block's parameter: `{{#with constructor}}` must fail too.
      if (name === 'with' && args.length === 2 && args[0] === undefined) throw new Error('"with" of a field that is not defined');
      args[args.length - 1] = { ...options, fn: guard(options.fn), inverse: guard(options.inverse) };
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  };
  const helpers: Record<string, Handlebars.HelperDelegate> = {
    each: wrap('each'),
    with: wrap('with'),
    if: wrap('if'),
    unless: wrap('unless'),
    lookup: (obj: unknown, field: unknown): unknown => {
      const key = String(field);
      if (obj !== null && typeof obj === 'object' && Object.hasOwn(obj, key)) return (obj as Record<string, unknown>)[key];
      throw new Error(`"${key}" not defined`);
    },
  };
  // Reset per render: a batch renders many plans with one compiled template.
  const reset = (): void => {
    budget.bytes = 0;
    budget.blocks = 0;
    budget.depth = 0;
  };
  return { helpers, reset };
}

/**
 * Compiles a Handlebars template once into a renderer of plans (a batch renders hundreds). The
 * environment is isolated, knows only our helpers and the bounded built-in blocks (`log` is not
 * there: it would write into the report stream), has no prototype access, and is strict (a
 * misspelt field is an error, not a blank; the data has no prototype, so `{{__proto__}}` or
 * `{{constructor}}` is a misspelt field too). Every string of the plan is Markdown-escaped before
 * the template sees it, so the template itself never needs to escape (and `{{{x}}}` cannot
 * smuggle raw text in). Both compiling and rendering throw TemplateError, or TemplateLimitError
 * when the output grows over TEMPLATE_LIMITS.
 */
export function compileMarkdown(
  template: string,
  partials: Readonly<Record<string, string>> = {},
): (plan: PlanView, extra?: Record<string, unknown>) => string {
  const hbs = Handlebars.create();
  hbs.unregisterHelper('log');
  const { helpers: builtins, reset } = boundedHelpers(hbs);
  for (const [name, text] of Object.entries(partials)) hbs.registerPartial(name, text);
  let compiled: HandlebarsTemplateDelegate;
  try {
    compiled = hbs.compile(template, {
      noEscape: true,
      strict: true,
      knownHelpers: { ...Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true])), log: false },
      knownHelpersOnly: true,
    });
  } catch (e) {
    throw templateError(e);
  }
  return (plan, extra = {}) => {
    // The labels are one object per language: nested and escaped once, not for every plan.
    const context = deepEscape<Record<string, unknown>>({ ...plan, labels: null, ...extra }, escapeOnce, true);
    if (!Object.hasOwn(extra, 'labels')) context.labels = escapedLabels(plan.labels);
    reset();
    let out: string;
    try {
      out = compiled(context, {
        helpers: { ...builtins, ...HELPERS },
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
      });
    } catch (e) {
      if (e instanceof TemplateLimitError) throw e;
      throw templateError(e);
    }
    if (out.length > TEMPLATE_LIMITS.bytes) throw new TemplateLimitError(`${TEMPLATE_LIMITS.bytes} bytes`);
    return out;
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
