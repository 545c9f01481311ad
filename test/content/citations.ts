import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * Section citations in the plan's Markdown files: "OHL 15 §", "Perusopetuslaki 29 § 4 mom.",
 * "perusopetuslain 20 e §:n", "25 § 3 mom. i barnskyddslagen", "Basic Education Act section 40(2)",
 * "section 16 of the Pupil and Student Welfare Act". Each is resolved to an act id and compared with
 * the table of confirmed sections (confirmed-sections.yml).
 *
 * A number without its act ("(20 h §)") belongs to the act named last before it in the same language
 * body; with none named yet, to the first act of the file's `law:` list.
 */

export interface Act {
  id: string;
  /** Matches a name of the act in any language and inflection (no anchors, case-insensitive). */
  name: RegExp;
}

/** Acts the plan may cite; a name not listed here cannot be cited with a section number. */
export const ACTS: Act[] = [
  { id: 'OHL', name: /\bOHL\b|oppilas- ja opiskelijahuoltola(?:k|i)\p{L}*|lag(?:en)? om elev- och studerandevård|Pupil and Student Welfare Act/iu },
  { id: 'POA', name: /perusopetusasetu\p{L}*|förordningen om grundläggande utbildning|Basic Education Decree/iu },
  { id: 'POL', name: /\bPOL\b|perusopetusla(?:k|i)\p{L}*|lag(?:en)? om grundläggande utbildning|Basic Education Act/iu },
  { id: 'LSL', name: /\bLSL\b|lastensuojelula(?:k|i)\p{L}*|barnskyddslag\p{L}*|Child (?:Welfare|Protection) Act/iu },
  { id: 'OVL', name: /oppivelvollisuusla(?:k|i)\p{L}*|läropliktslag\p{L}*|Compulsory Education Act/iu },
  { id: 'SHL', name: /sosiaalihuoltola(?:k|i)\p{L}*|socialvårdslag\p{L}*|Social Welfare Act/iu },
  { id: 'HL', name: /\bhallintola(?:k|i)\p{L}*|\bförvaltningslag\p{L}*|Administrative Procedure Act/iu },
  { id: 'JulkL', name: /julkisuusla(?:k|i)\p{L}*|offentlighetslag\p{L}*|Act on the Openness of Government Activities|Openness Act/iu },
  { id: 'AsiakasL', name: /asiakasla(?:k|i)\p{L}*|klientlag\p{L}*|Social Welfare Client Act|Client Act/iu },
  { id: 'PotilasL', name: /potilasla(?:k|i)\p{L}*|patientlag\p{L}*|Patient Act/iu },
];

export interface Citation {
  file: string;
  /** 'law' (front matter), 'keywords', or the body language. */
  where: string;
  /** Act id, or undefined when no act could be found for a bare number. */
  act?: string;
  /** '15', '20 e', '14 a' */
  section: string;
  /** Subsection (momentti), when cited. */
  subsection?: number;
  /** The cited text, for messages. */
  text: string;
}

const SECTION = String.raw`\b(\d{1,3})(?:\s?([a-i])\b)?`;
/** fi/sv: "25 §", "20 e §", "36 d–f §", "20–22 §", then ":n 1 momentin" / " 3 mom." */
const FI_SV = new RegExp(String.raw`${SECTION}(?:\s?[–-]\s?(\d{1,3})?(?:\s?([a-i]))?)?\s?§(?::\p{L}+)?(?:\s(\d{1,2})\s?(?:mom\b\.?|moment\p{L}*))?`, 'gu');
/** en: "section 40(2)", "section 20 e", "sections 15 and 16"; "§ 26". */
const EN = new RegExp(String.raw`\bsections?\s${SECTION}(?:\((\d{1,2})\))?|§\s?(\d{1,3})`, 'giu');

function lastAct(text: string): string | undefined {
  let best: { id: string; at: number } | undefined;
  for (const act of ACTS) {
    const re = new RegExp(act.name.source, 'giu');
    for (const m of text.matchAll(re)) {
      const end = (m.index ?? 0) + m[0].length;
      if (!best || end > best.at) best = { id: act.id, at: end };
    }
  }
  return best?.id;
}

function actRightBefore(text: string): string | undefined {
  // "Perusopetuslaki 29 §", "perusopetuslain 29 §", "OHL:n 15 §", "Basic Education Act section 29".
  const tail = text.slice(-80);
  for (const act of ACTS) if (new RegExp(String.raw`(?:${act.name.source})(?::n)?\s*$`, 'iu').test(tail)) return act.id;
  return undefined;
}

function actRightAfter(text: string): string | undefined {
  // "25 § 1 mom. i barnskyddslagen", "section 16 of the Pupil and Student Welfare Act".
  // Items of a subsection may come between: "24 § 1 mom. 30 och 32 punkten i offentlighetslagen".
  const head = text.slice(0, 80);
  for (const act of ACTS) if (new RegExp(String.raw`^[^.;()§]{0,30}?\s(?:i|in|of(?: the)?)\s+(?:${act.name.source})`, 'iu').test(head)) return act.id;
  return undefined;
}

/** Citations in one piece of text; `fallback` is the act of a bare number with no act named before it. */
export function citationsIn(text: string, file: string, where: string, fallback?: string): Citation[] {
  const out: Citation[] = [];
  const found: { index: number; end: number; sections: string[]; subsection?: number; raw: string }[] = [];
  for (const m of text.matchAll(FI_SV)) {
    const [raw, n, letter, toN, toLetter, mom] = m;
    const from = `${n}${letter ? ` ${letter}` : ''}`;
    const sections = [from];
    if (toN || toLetter) {
      if (toN && toN !== n) for (let k = Number(n) + 1; k <= Number(toN); k++) sections.push(`${k}${k === Number(toN) && toLetter ? ` ${toLetter}` : ''}`);
      else if (toLetter && letter) for (let c = letter.charCodeAt(0) + 1; c <= toLetter.charCodeAt(0); c++) sections.push(`${n} ${String.fromCharCode(c)}`);
      else if (toLetter) sections.push(`${n} ${toLetter}`);
    }
    found.push({ index: m.index ?? 0, end: (m.index ?? 0) + raw.length, sections, ...(mom ? { subsection: Number(mom) } : {}), raw });
  }
  for (const m of text.matchAll(EN)) {
    const [raw, n, letter, mom, paraN] = m;
    const at = m.index ?? 0;
    if (found.some((f) => at < f.end && at + raw.length > f.index)) continue;
    const section = paraN ?? `${n}${letter ? ` ${letter}` : ''}`;
    found.push({ index: at, end: at + raw.length, sections: [section], ...(mom ? { subsection: Number(mom) } : {}), raw });
  }
  found.sort((a, b) => a.index - b.index);
  for (const f of found) {
    const before = text.slice(0, f.index);
    const act = actRightBefore(before) ?? actRightAfter(text.slice(f.end)) ?? lastAct(before) ?? fallback;
    for (const section of f.sections) out.push({ file, where, ...(act ? { act } : {}), section, ...(f.subsection !== undefined && section === f.sections[0] ? { subsection: f.subsection } : {}), text: f.raw.trim() });
  }
  return out;
}

/** Splits a plan file into its front matter and its language bodies. */
export function splitPlanFile(text: string): { front: Record<string, unknown>; bodies: Record<string, string> } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error('missing front matter');
  const bodies: Record<string, string> = {};
  let lang = 'fi';
  let buf: string[] = [];
  for (const line of m[2].split(/\r?\n/)) {
    const marker = /^\s*<!--\s*lang:\s*(fi|sv|en)\s*-->\s*$/.exec(line);
    if (marker) {
      bodies[lang] = buf.join('\n');
      lang = marker[1];
      buf = [];
    } else buf.push(line);
  }
  bodies[lang] = buf.join('\n');
  return { front: (parseYaml(m[1]) ?? {}) as Record<string, unknown>, bodies };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') && !/^[A-Z_]+\.md$/.test(name) ? [path] : [];
  });
}

/** Every section citation in a plan directory: `law:` entries, keywords and the bodies in every language. */
export function planCitations(dir: string): Citation[] {
  const out: Citation[] = [];
  for (const path of markdownFiles(dir)) {
    const file = relative(dir, path);
    const { front, bodies } = splitPlanFile(readFileSync(path, 'utf8'));
    const law = Array.isArray(front.law) ? front.law.map(String) : [];
    const lawActs = law.map((l) => lastAct(l)).filter((a): a is string => !!a);
    for (const entry of law) out.push(...citationsIn(entry, file, 'law'));
    const keywords = (front.keywords ?? {}) as Record<string, unknown[]>;
    for (const list of Object.values(keywords)) for (const k of list ?? []) out.push(...citationsIn(String(k), file, 'keywords', lawActs[0]));
    for (const [lang, body] of Object.entries(bodies)) out.push(...citationsIn(body, file, lang, lawActs[0]));
  }
  return out;
}
