import type { Application, TurnState } from '@microsoft/teams-ai';
import { messages } from '../../i18n';
import type { PlanService } from '../../plan/answer';
import { answerCard } from '../../ui/answerCard';
import { langFor } from '../context';
import { onCardAction } from './actions';

/** Form buttons on answer cards. The forms themselves arrive with the forms issue; until then the button says so. */
export function registerForms(app: Application<TurnState>, deps: { plan: PlanService }): void {
  onCardAction(app, 'forms.open', async (context, state, data) => {
    const lang = langFor(context, state);
    await context.sendActivity(messages(lang).coming.forms);
    const question = typeof data.question === 'string' ? data.question.slice(0, 500) : '';
    return answerCard(deps.plan.answer(question, lang), deps.plan.plan, messages(lang));
  });
}
