import type { Lang } from './analyze';

/** A block of a section body: what retrieval quotes and the plan page renders. */
export type Block = { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[]; ordered: boolean };

/** Text per language: the languages the plan writes it in (its own language always, see `lang`). */
export type Localized<T> = Partial<Record<Lang, T>>;

/** One section of the plan (a Markdown file): `kotiopetus`, or a subsection `kotiopetus/huoltajan-valitsema`. */
export interface PlanSection {
  id: string;
  parentId?: string;
  order: number;
  title: Localized<string>;
  /**
   * The language the section is written in: Finnish when it has Finnish text, else the plan's own language
   * (a Swedish-speaking region's plan). It has a title and a body in it; other languages are translations.
   */
  lang: Lang;
  keywords: Partial<Record<Lang, string[]>>;
  forms: string[];
  law: string[];
  reviewed?: string;
  /** Search prior (default 1): below 1 for catalogue-like sections that repeat the topical ones. */
  weight?: number;
  /**
   * The prior when the question names a term (or any term of its glossary concept): a form description
   * outranks the topic it belongs to when the user asks for the form ({ lomake: 1.2 }).
   */
  weightWhen?: Record<string, number>;
  /**
   * The section's own number as the document prints it ("3.2", "15 §", "2 luku", "II"): part of its
   * identity, shown in titles and citations. Absent for unnumbered sections (the sample plan).
   */
  number?: string;
  /** Where the section came from in an imported document: file, heading text, first and last page (PDF). */
  source?: { file?: string; heading?: string; page?: number; lastPage?: number };
  /** Body per language: in `lang` always, other languages where written. */
  body: Localized<Block[]>;
  childIds: string[];
}

export interface PlanMeta {
  title: Localized<string>;
  /** The plan's own language (`lang: sv` in `_plan.yml`): Finnish for every plan that has Finnish text. */
  lang: Lang;
  region?: string;
  notice?: Partial<Record<Lang, string>>;
  version?: string;
  approved?: string;
  /** The document the plan was imported from, when it is kept: its file name and page count. */
  original?: { file: string; pages?: number };
}

export interface Plan {
  meta: PlanMeta;
  sections: Map<string, PlanSection>;
  /** Top-level section ids in plan order. */
  topLevel: string[];
}

/** Title in the wanted language, else in the section's own. */
export function titleOf(section: PlanSection, lang: Lang): string {
  return section.title[lang] ?? section.title[section.lang] ?? section.id;
}

/** The language a section's text is quoted and shown in for a user: theirs when written in it, else the section's own. */
export const bodyLangOf = (section: PlanSection, lang: Lang): Lang => (section.body[lang] ? lang : section.lang);

/** The plan's title in the wanted language, else in the plan's own. */
export const planTitleOf = (meta: PlanMeta, lang: Lang): string => meta.title[lang] ?? meta.title[meta.lang] ?? Object.values(meta.title)[0] ?? '';

/** "3.2 Kotiopetus", "15 § Oikeus saada opetusta": the number the document prints, then the title. */
export const numberedTitle = (number: string | undefined, title: string): string => (number ? `${number} ${title}` : title);

/** The section as people cite it: its own number and its title in the wanted language. */
export function headingOf(section: PlanSection, lang: Lang): string {
  return numberedTitle(section.number, titleOf(section, lang));
}

/** "3 Kotiopetus › 3.2 Huoltajan valitsema kotiopetus" */
export function pathOf(plan: Plan, section: PlanSection, lang: Lang): string[] {
  const path: string[] = [];
  for (let s: PlanSection | undefined = section; s; s = s.parentId ? plan.sections.get(s.parentId) : undefined) path.unshift(headingOf(s, lang));
  return path;
}

/** Previous and next section in reading order (siblings first, then across parents). */
export function neighboursOf(plan: Plan, id: string): { prev?: PlanSection; next?: PlanSection } {
  const order = readingOrder(plan);
  const i = order.indexOf(id);
  return { prev: i > 0 ? plan.sections.get(order[i - 1]) : undefined, next: i >= 0 && i < order.length - 1 ? plan.sections.get(order[i + 1]) : undefined };
}

export function readingOrder(plan: Plan): string[] {
  const out: string[] = [];
  const visit = (id: string) => {
    out.push(id);
    for (const c of plan.sections.get(id)?.childIds ?? []) visit(c);
  };
  plan.topLevel.forEach(visit);
  return out;
}
