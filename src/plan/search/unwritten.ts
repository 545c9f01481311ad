import { contentWordMask, fold, type Lang, stem, words } from '../analyze';
import { plainInline } from '../markdown';
import type { Block } from '../model';
import type { Question } from './query';
import type { Vocabulary } from './vocabulary';

/**
 * What a plan leaves for its region to write: a template's "Esimerkkialue täydentää tähän", "fills in here",
 * "fyller … i här", a draft's "[täydennetään]" or "TBD". A question about exactly that is one the plan does not
 * answer yet: Opari says so and shows the placeholder, rather than quoting it as if it were guidance.
 */
const PLACEHOLDER = new RegExp(
  [
    String.raw`\btaydenta\w*\b.{0,80}\btahan\b|\btaydennetaan\b|\btaydennettava\b|\blisataan myohemmin\b`,
    String.raw`\bfills? in\b.{0,80}\bhere\b|\bto be (added|completed|filled in|written)\b|\btbd\b`,
    String.raw`\bfyller\b.{0,80}\bi har\b|\bkompletteras\b|\bfylls i senare\b`,
  ].join('|'),
);

/** Whether a sentence, list item or paragraph is or holds a placeholder. */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(fold(text.toLowerCase()));
}

/**
 * A passage's pieces of text, each with whether it is a placeholder: its paragraphs and list items, a placeholder
 * sentence among them apart from the rest of its paragraph or item. A placeholder that introduces a list
 * ("Esimerkkialue täydentää tähän: …") leaves the list's items unwritten too.
 */
function pieces(blocks: readonly Block[]): { text: string; placeholder: boolean }[] {
  const out: { text: string; placeholder: boolean }[] = [];
  const read = (markdown: string, unwritten: boolean) => {
    const text = plainInline(markdown);
    if (unwritten || !isPlaceholder(text)) return void out.push({ text, placeholder: unwritten });
    const sentences = text.split(/(?<=[.!?])\s+(?=[\p{Lu}\d*])/u);
    const rest = sentences.filter((t) => !isPlaceholder(t)).join(' ');
    for (const t of sentences) if (isPlaceholder(t)) out.push({ text: t, placeholder: true });
    if (rest) out.push({ text: rest, placeholder: false });
  };
  let introduces = false;
  for (const b of blocks) {
    if (b.kind === 'list') for (const item of b.items) read(item, introduces);
    if (b.kind !== 'paragraph') continue;
    read(b.text, false);
    introduces = b.text.trim().endsWith(':') && isPlaceholder(b.text);
  }
  return out;
}

/**
 * The text of `blocks`, each paragraph or list item's sentences: those written (`placeholders` false), or those left
 * for the region to write (true).
 */
export function textPieces(blocks: readonly Block[], placeholders: boolean): string[] {
  return pieces(blocks)
    .filter((p) => p.placeholder === placeholders)
    .map((p) => p.text);
}

/** A piece's terms as the question's readings name them: stems, compound parts and glossary concepts. */
function termsOf(text: string, lang: Lang, vocab: Vocabulary): Set<string> {
  const ws = words(text);
  const content = contentWordMask(ws);
  const terms = new Set<string>();
  ws.forEach((w, i) => {
    if (!content[i]) return;
    const s = stem(w, lang);
    terms.add(s);
    if (lang !== 'en') for (const p of vocab.compoundParts(s, lang)) terms.add(p);
  });
  for (const h of vocab.glossary.findInQuestion(ws)) terms.add(h.concept);
  return terms;
}

/** A passage as written: its blocks and the headings above it. */
export interface Written {
  blocks: readonly Block[];
  headings: readonly string[];
}

/**
 * A passage's pieces as terms, with the section title's and its headings' terms, read once per passage (the plan's
 * text does not change; a question only looks its words up in them).
 */
interface ReadPassage {
  context: Set<string>;
  pieces: { placeholder: boolean; terms: Set<string> }[];
  /** The share of the passage's text that is left for the region to write. */
  unwrittenShare: number;
}
const readPassages = new WeakMap<Written, ReadPassage>();
function readPassage(p: Written, title: string, lang: Lang, vocab: Vocabulary): ReadPassage {
  let read = readPassages.get(p);
  if (!read) {
    const texts = pieces(p.blocks);
    const all = texts.reduce((n, t) => n + t.text.length, 0);
    const unwritten = texts.reduce((n, t) => n + (t.placeholder ? t.text.length : 0), 0);
    read = {
      context: termsOf([title, ...p.headings].join(' · '), lang, vocab),
      pieces: texts.map((piece) => ({ placeholder: piece.placeholder, terms: termsOf(piece.text, lang, vocab) })),
      unwrittenShare: unwritten / Math.max(1, all),
    };
    readPassages.set(p, read);
  }
  return read;
}

/**
 * How much of the question (its words' importance; a glossary concept counts for the words it covers) the passage's
 * placeholders hold, and its pieces of real guidance, at most. Each sentence is read with the section's title and
 * its own headings, which say what it is about.
 */
function held(p: Written, title: string, lang: Lang, q: Question, vocab: Vocabulary): { placeholder: number; guidance: number; unwrittenShare: number } {
  const { units } = q;
  const { context, pieces: read, unwrittenShare } = readPassage(p, title, lang, vocab);
  const out = { placeholder: 0, guidance: 0, unwrittenShare };
  for (const piece of read) {
    const has = (t: string) => piece.terms.has(t) || context.has(t);
    let sum = 0;
    units.forEach((u, i) => {
      if (!u.word) return;
      const byConcept = units.some((c) => !c.word && c.covers?.includes(i) && c.alternatives.some((a) => has(a.term)));
      if (byConcept || u.alternatives.some((a) => !a.near && has(a.term))) sum += u.importance;
    });
    if (piece.placeholder) out.placeholder = Math.max(out.placeholder, sum);
    else out.guidance = Math.max(out.guidance, sum);
  }
  return out;
}

/** A passage that is this share or more its placeholder is mostly unwritten. */
const MOSTLY_UNWRITTEN = 0.5;

/**
 * A placeholder of the passage holds more of the question than its real guidance, or as much where it is half the
 * passage or more: what the passage would quote is unwritten. A list of rules with one item left to write ("Lapsi ei
 * saa toimia tulkkina" beside who pays in the county's meetings) is quoted for its rules.
 */
export function placeholderLeads(passage: Written, title: string, lang: Lang, q: Question, vocab: Vocabulary): boolean {
  const h = held(passage, title, lang, q, vocab);
  return h.placeholder > 0 && (h.placeholder > h.guidance || (h.placeholder === h.guidance && h.unwrittenShare >= MOSTLY_UNWRITTEN));
}

/**
 * The question asks what the section leaves unwritten: a placeholder of the passage holds more of the question than
 * any sentence of real guidance in the section. "Kuka maksaa tulkin asiantuntijaryhmän kokouksessa?" is the
 * placeholder's question; "kuka maksaa tulkin vanhempainvartissa?" is answered by the rule beside it, and "who
 * decides on extended compulsory education" by the section's "who decides" list, though its placeholder names the
 * decision too.
 */
export function asksUnwritten(passage: Written, section: { title: string; passages: readonly Written[] }, lang: Lang, q: Question, vocab: Vocabulary): boolean {
  const { placeholder } = held(passage, section.title, lang, q, vocab);
  return placeholder > 0 && section.passages.every((p) => held(p, section.title, lang, q, vocab).guidance < placeholder);
}
