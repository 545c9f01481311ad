import { format, type Messages } from '../i18n';
import type { Answer } from '../plan/answer';
import type { OffTopicMatch } from '../plan/offtopic';
import type { Lang } from '../plan/analyze';
import { plainInline } from '../plan/markdown';
import { type Block, type Plan, type PlanSection, planTitleOf, titleOf } from '../plan/model';
import { answerLayout, noAnswerLayout } from './answerLayout';
import { cardMarkdown } from './markup';
import { pageLabel } from './planAdminCards';
import { FAQ_PREFIX } from '../expert/faq';
import { isIsoDate } from '../time/date';
import { formatDate } from '../time/format';

/** Turns a plan answer into the answer or no-answer card (plain Adaptive Card JSON) in the user's language. */

function emergency(answer: Answer, m: Messages) {
  if (!answer.danger) return { show: false, title: '', lines: [] };
  return { show: true, title: m.plan.emergencyTitle, lines: m.plan.emergency[answer.danger].map((text) => ({ text })) };
}

/** A plan's or an FAQ answer's review date as written everywhere ('1.12.2026'); anything else as it is. */
const reviewedDate = (iso: string | undefined): string => (isIsoDate(iso) ? formatDate(iso) : (iso ?? ''));

function offTopicText(subject: OffTopicMatch, lang: Lang, m: Messages): string {
  const where = subject.where?.[lang];
  return where ? `${m.plan.offTopicText} ${format(m.plan.offTopicWhere, { where })}` : m.plan.offTopicText;
}

/** A quoted block's lines on the card; the plan's blocks never change, so each is worked out once (and shared: read only). */
const linesOf = new WeakMap<Block, readonly { text: string }[]>();
function blockLines(block: Block): readonly { text: string }[] {
  let lines = linesOf.get(block);
  if (!lines) {
    lines =
      block.kind === 'list' ? block.items.map((i, n) => ({ text: `${block.ordered ? `${n + 1}.` : '•'} ${cardMarkdown(i)}` })) : block.kind === 'paragraph' ? [{ text: cardMarkdown(block.text) }] : [];
    linesOf.set(block, lines);
  }
  return lines;
}

/** A form's section title up to its colon, without markup ("Uusi asia"), per language; worked out once per section. */
const shortTitles = new WeakMap<PlanSection, Partial<Record<Lang, string>>>();
function shortTitle(s: PlanSection, lang: Lang): string {
  let byLang = shortTitles.get(s);
  if (!byLang) shortTitles.set(s, (byLang = {}));
  return (byLang[lang] ??= plainInline(titleOf(s, lang)).split(':')[0]);
}

/** Which language the quoted text is in, when it is not the user's (a section the plan has in its own language only). */
function languageNote(passages: { lang: Lang }[], lang: Lang, m: Messages): string {
  const quoted = passages.find((p) => p.lang !== lang)?.lang;
  return quoted ? m.planLanguage.card[quoted] : '';
}

export function answerCard(answer: Answer, plan: Plan, m: Messages, opts: { feedbackDone?: boolean; expertSent?: string } = {}): Record<string, unknown> {
  const lang = answer.lang;
  if (answer.kind === 'none') {
    const u = answer.unwritten;
    return noAnswerLayout({
      emergency: emergency(answer, m),
      title: u ? m.plan.unwrittenTitle : m.plan.noAnswerTitle,
      text: u ? format(m.plan.unwrittenText, { section: cardMarkdown(`»${u.path.join(' › ')}«`) }) : answer.offTopic ? offTopicText(answer.offTopic, lang, m) : m.plan.noAnswerText,
      ...(u ? { unwritten: { languageNote: languageNote(u.passages, lang, m), lines: u.passages.flatMap((p) => p.blocks.flatMap(blockLines)), url: u.url, open: m.plan.open } } : {}),
      closestTitle: m.plan.closestTitle,
      closest: answer.closest.map((c) => ({ title: c.path.join(' › '), id: c.id, question: answer.question })),
      expertText: m.plan.expertText,
      expertButton: m.plan.expertButton,
      // A question with a known right place (payroll, IT, the office) is not for the welfare experts.
      expertOffer: !answer.offTopic?.where?.[lang],
      expertSent: opts.expertSent ?? '',
      question: answer.question,
      labels: { reminder: m.askExpert.reminder, question: m.askExpert.label, required: m.expert.noQuestion, send: m.askExpert.send },
    });
  }
  const b = answer.best;
  // One passage, or two when the answer spans them; each under its own heading when it has one.
  const passages = b.passages.map((p, k) => ({
    heading: cardMarkdown((p.headings.at(-1) ?? '') === (b.passages[k - 1]?.headings.at(-1) ?? '') && k > 0 ? '' : (p.headings.at(-1) ?? '')),
    lines: p.blocks.flatMap(blockLines),
  }));
  const formTitle = (formId: string) => {
    const s = plan.sections.get(`lomakkeisto/${formId}`);
    return s ? shortTitle(s, lang) : formId;
  };
  const planTitle = planTitleOf(plan.meta, lang);
  const fromFaq = b.id.startsWith(FAQ_PREFIX);
  // "Lähde: Suunnitelma › 3 Kotiopetus › 3.2 Valvonta (s. 14)": the plan's own numbers and the page of its original.
  const page = pageLabel(b, m);
  const path = `${b.path.join(' › ')}${page ? ` (${page})` : ''}`;
  const sourceParts = [fromFaq ? format(m.expert.faqSource, { date: reviewedDate(b.reviewed) }) : format(m.plan.source, { plan: planTitle, path })];
  if (b.reviewed && !fromFaq) sourceParts.push(format(m.plan.reviewed, { date: reviewedDate(b.reviewed) }));
  if (b.law.length) sourceParts.push(b.law.join(', '));
  const followUps = [...answer.also, ...answer.followUps].slice(0, 3);
  return answerLayout({
    emergency: emergency(answer, m),
    path: b.path.length > 1 ? cardMarkdown(b.path.slice(0, -1).join(' › ')) : '',
    title: cardMarkdown(b.title),
    languageNote: languageNote(b.passages, lang, m),
    passages,
    source: cardMarkdown(sourceParts.join(' · ')),
    url: b.url,
    forms: b.forms.slice(0, 3).map((formId) => ({ title: formTitle(formId), formId, question: answer.question })),
    labels: { open: m.plan.open, more: m.plan.more, helpful: m.plan.helpful, notHelpful: m.plan.notHelpful },
    followUps: followUps.map((f) => ({ title: f.title, id: f.id, question: answer.question })),
    question: answer.question,
    sectionIds: [b.id, ...answer.also.map((a) => a.id)].join(','),
    feedbackDone: opts.feedbackDone ? m.plan.feedbackThanks : '',
    // The buttons say the card's language: the reply to a click keeps to it.
    lang,
  });
}
