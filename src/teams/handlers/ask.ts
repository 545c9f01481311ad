import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Entity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { messages } from '../../i18n';
import type { Answer, PlanService } from '../../plan/answer';
import type { FeedbackStore } from '../../store/feedback';
import type { Faq } from '../../expert/faq';
import { tenantOf } from '../replies';
import { answerCard } from '../../ui/answerCard';
import { plainText } from '../../ui/markup';
import { citationName, sourceOf } from '../../ui/planAdminCards';
import { langFor, msgsFor, turnLog } from '../context';
import { cardActivity, citationEntity } from '../replies';
import { onCardAction } from './actions';
import { submitKey } from './actor';
import { answerView, MAX_QUESTION } from './answerView';
import type { Logger } from '../../log';

const openData = z.object({ question: z.string().catch(''), sectionId: z.string().optional().catch(undefined) });
const feedbackData = z.object({
  question: z
    .string()
    .catch('')
    .transform((q) => q.slice(0, MAX_QUESTION)),
  vote: z.enum(['up', 'down']).catch('down'),
  sectionIds: z.string().catch(''),
});

/** Ask the plan: free text → answer card with citations; follow-ups, feedback and related sections. */
export function registerAsk(app: Application<TurnState>, deps: { plan: PlanService; faq: Faq; feedback: FeedbackStore; log: Logger }): void {
  const { plan } = deps;

  const reply = async (context: TurnContext, answer: Answer, feedbackDone = false) => {
    const m = messages(answer.lang);
    const card = answerCard(answer, plan.plan, m, { feedbackDone });
    const activity = cardActivity(card);
    if (answer.kind === 'answer') {
      const cited = answer.ranked;
      // Teams numbers the citations by the [n] markers in the text; the card itself shows the source line.
      const more = cited
        .slice(1)
        .map((_, i) => `[${i + 2}]`)
        .join(' ');
      activity.text = `${plainText(sourceOf(cited[0], m))} [1]${more ? ` · ${m.plan.seeAlso} ${more}` : ''}`;
      // The name leads with the section's own number and title ("3.2 Kotiopetus (s. 14)"); the path is the abstract.
      activity.entities = [citationEntity(cited.map((c) => ({ name: citationName(c, m), url: c.url, abstract: c.path.join(' › ') }))) as Entity];
    }
    await context.sendActivity(activity);
  };

  app.activity('message', async (context, state) => {
    const text = (context.activity.text ?? '').trim();
    if (!text) {
      await context.sendActivity(msgsFor(context, state).plan.empty);
      return;
    }
    const lang = langFor(context, state);
    const tenantId = tenantOf(context.activity) ?? 'none';
    const answer = deps.faq.signLinks(plan.answer(text.slice(0, MAX_QUESTION), lang, await deps.faq.indexFor(tenantId)), tenantId);
    turnLog(context, deps.log).info({
      event: 'plan.answer',
      kind: answer.kind,
      sectionId: answer.kind === 'answer' ? answer.best.id : null,
      danger: answer.danger ?? null,
      score: answer.kind === 'answer' ? Number(answer.best.score.toFixed(2)) : null,
    });
    await reply(context, answer);
  });

  onCardAction(app, 'plan.open', async (context, state, data) => {
    const lang = langFor(context, state);
    const { question, sectionId } = openData.parse(data);
    const opened = sectionId !== undefined ? plan.open(sectionId, lang, question) : undefined;
    if (opened) await reply(context, opened);
    else await context.sendActivity(messages(lang).plan.sectionMissing);
    return question ? answerView(context, deps, question, lang) : answerCard(opened ?? plan.answer('', lang), plan.plan, messages(lang));
  });

  onCardAction(app, 'plan.feedback', async (context, state, data) => {
    const lang = langFor(context, state);
    const { question, vote, sectionIds: listed } = feedbackData.parse(data);
    const sectionIds = listed
      .split(',')
      .filter((id) => plan.plan.sections.has(id))
      .slice(0, 10);
    await deps.feedback.add(
      { vote, question, sectionIds, userAadObjectId: context.activity.from?.aadObjectId, conversationId: context.activity.conversation.id, lang },
      submitKey(context, 'plan.feedback'),
    );
    turnLog(context, deps.log).info({ event: 'plan.feedback', vote, sectionIds });
    return answerView(context, deps, question, lang, { feedbackDone: true });
  });
}
