import { format, type Messages } from '../i18n';
import type { Answer } from '../plan/answer';
import type { OffTopicMatch } from '../plan/offtopic';
import type { Lang } from '../plan/analyze';
import { plainInline } from '../plan/markdown';
import type { Plan } from '../plan/model';
import { renderCard } from './cards';
import { FAQ_PREFIX } from '../expert/faq';

/** Turns a plan answer into the answer or no-answer card (plain Adaptive Card JSON) in the user's language. */

function emergency(answer: Answer, m: Messages) {
  if (!answer.danger) return { show: false, title: '', lines: [] };
  return { show: true, title: m.plan.emergencyTitle, lines: m.plan.emergency[answer.danger].map((text) => ({ text })) };
}

function fiDate(iso: string | undefined, lang: Lang): string {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso ?? '';
  const [y, mo, d] = iso.split('-').map(Number);
  return lang === 'en' ? `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][mo - 1]} ${y}` : `${d}.${mo}.${y}`;
}

function offTopicText(subject: OffTopicMatch, lang: Lang, m: Messages): string {
  const where = subject.where?.[lang];
  return where ? `${m.plan.offTopicText} ${format(m.plan.offTopicWhere, { where })}` : m.plan.offTopicText;
}

export function answerCard(answer: Answer, plan: Plan, m: Messages, opts: { feedbackDone?: boolean; expertSent?: string } = {}): Record<string, unknown> {
  const lang = answer.lang;
  if (answer.kind === 'none') {
    return renderCard('no-answer', {
      emergency: emergency(answer, m),
      title: m.plan.noAnswerTitle,
      text: answer.offTopic ? offTopicText(answer.offTopic, lang, m) : m.plan.noAnswerText,
      closestTitle: m.plan.closestTitle,
      closest: answer.closest.map((c) => ({ title: c.path.join(' › '), id: c.id, question: answer.question })),
      expertText: m.plan.expertText,
      expertButton: m.plan.expertButton,
      expertSent: opts.expertSent ?? '',
      question: answer.question,
    });
  }
  const b = answer.best;
  const passage = b.passage.blocks.flatMap((block) =>
    block.kind === 'list' ? block.items.map((i, n) => ({ text: `${block.ordered ? `${n + 1}.` : '•'} ${i}` })) : block.kind === 'paragraph' ? [{ text: block.text }] : [],
  );
  const formTitle = (formId: string) => {
    const s = plan.sections.get(`lomakkeisto/${formId}`);
    return s ? plainInline(s.title[lang] ?? s.title.fi).split(':')[0] : formId;
  };
  const planTitle = plan.meta.title[lang] ?? plan.meta.title.fi;
  const fromFaq = b.id.startsWith(FAQ_PREFIX);
  const sourceParts = [fromFaq ? format(m.expert.faqSource, { date: fiDate(b.reviewed, lang) }) : format(m.plan.source, { plan: planTitle, path: b.path.join(' › ') })];
  if (b.reviewed && !fromFaq) sourceParts.push(format(m.plan.reviewed, { date: fiDate(b.reviewed, lang) }));
  if (b.law.length) sourceParts.push(b.law.join(', '));
  const followUps = [...answer.also, ...answer.followUps].slice(0, 3);
  return renderCard('answer', {
    emergency: emergency(answer, m),
    path: b.path.length > 1 ? b.path.slice(0, -1).join(' › ') : '',
    title: b.title,
    passageHeading: b.passage.headings.at(-1) ?? '',
    languageNote: b.passage.lang !== lang && lang !== 'fi' ? m.plan.languageNote : '',
    passage,
    source: sourceParts.join(' · '),
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
