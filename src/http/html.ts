import { escapeHtml } from '../plan/markdown';

/** HTML that is already safe to place in a page: built by `html` or vouched for with `raw`. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

type Value = string | number | SafeHtml | undefined | null | false | readonly Value[];

/** Marks markup that was escaped elsewhere (the plan's Markdown renderer escapes before it marks up). */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

function render(v: Value): string {
  if (v === undefined || v === null || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/**
 * The pages' template tag: every interpolated value is escaped unless it is `SafeHtml` (a nested `html`
 * or a `raw`), so a title from an uploaded plan or an expert's question can never become markup.
 * Arrays are concatenated; undefined, null and false render as nothing.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + render(values[i - 1]) + s));
}

/** Items with a separator between them (the separator is text, escaped like any value). */
export function join(items: readonly Value[], separator: string): SafeHtml {
  return new SafeHtml(items.map(render).join(escapeHtml(separator)));
}
