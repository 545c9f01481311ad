import type { Ticket } from '../expert/tickets';
import { format, type Messages } from '../i18n';
import { renderCard } from './cards';
import { cardMarkdown } from './markup';

/** The ticket as the experts see it in their channel; `open` tickets carry the answer form. */
export function ticketCard(t: Ticket, m: Messages, opts: { error?: string; draft?: string } = {}): Record<string, unknown> {
  const open = t.status === 'open' || t.status === 'claimed' || t.status === 'unposted';
  return renderCard('expert-ticket', {
    title: m.expert.ticketTitle,
    ticketId: t.id,
    statusText: m.expert.status[t.status],
    // The asker's and the expert's words: no links but web links, no markup (the card is shown in a channel).
    question: cardMarkdown(t.question),
    askedBy: format(m.expert.askedBy, { name: t.asker.name }),
    claimedBy: t.claimedBy ? format(m.expert.claimedBy, { name: t.claimedBy.name }) : '',
    answer: cardMarkdown(t.answer?.text ?? ''),
    answeredBy: t.answer ? format(m.expert.answeredBy, { name: t.answer.by }) : '',
    open,
    draft: opts.draft ?? '',
    // What the FAQ will say, for the expert to reword: starts as the asker's question.
    faqQuestion: cardMarkdown(t.question),
    error: opts.error ?? '',
    labels: {
      answer: m.expert.answerLabel,
      placeholder: m.expert.answerPlaceholder,
      required: m.expert.answerRequired,
      faq: m.expert.saveFaq,
      faqLabel: 'FAQ',
      faqQuestion: m.askExpert.faqQuestionLabel,
      privacy: m.expert.privacy,
      send: m.expert.send,
      claim: m.expert.claim,
      close: m.expert.close,
    },
  });
}

/** What the asker receives when an expert answers. */
export function expertAnswerCard(t: Ticket, m: Messages): Record<string, unknown> {
  return renderCard('expert-answer', {
    title: m.expert.answerTitle,
    question: format(m.expert.yourQuestion, { question: cardMarkdown(t.question) }),
    answer: cardMarkdown(t.answer?.text ?? ''),
    answeredBy: t.answer ? format(m.expert.answeredBy, { name: t.answer.by }) : '',
    ticketId: t.id,
  });
}
