import type { TurnContext } from 'botbuilder';
import type { Faq } from '../../expert/faq';
import { messages, type Lang } from '../../i18n';
import type { PlanService } from '../../plan/answer';
import { answerCard } from '../../ui/answerCard';
import { tenantOf } from '../replies';

export const MAX_QUESTION = 500;

/**
 * The answer card for a question as the asker's tenant sees it (plan plus its FAQ). Card buttons that keep
 * the clicked card re-render it through here, so it looks exactly as when it was first answered.
 */
export async function answerView(
  context: TurnContext,
  deps: { plan: PlanService; faq: Faq },
  question: string,
  lang: Lang,
  opts: { feedbackDone?: boolean; expertSent?: string } = {},
): Promise<Record<string, unknown>> {
  const tenantId = tenantOf(context.activity) ?? 'none';
  const answer = deps.plan.answer(question.slice(0, MAX_QUESTION), lang, await deps.faq.indexFor(tenantId));
  return answerCard(deps.faq.signLinks(answer, tenantId), deps.plan.plan, messages(lang), opts);
}
