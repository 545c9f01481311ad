import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { todayInHelsinki } from '../../cases/deadline';
import type { CaseStatus } from '../../cases/model';
import type { CaseService } from '../../cases/service';
import type { FormDef } from '../../forms/registry';
import type { Logger } from '../../log';
import { auditText, caseDetailsCard, caseRedactedCard } from '../../ui/caseCards';
import { langFor, msgsFor, turnLog } from '../context';
import { onCardAction } from './actions';
import { actorOf } from './actor';

export interface CaseDeps {
  cases: CaseService;
  forms: Map<string, FormDef>;
  isAdmin(context: TurnContext): boolean;
  log: Logger;
}

const ids = (data: Record<string, unknown>) => ({
  caseId: typeof data.caseId === 'string' && /^c[0-9a-f]{32}$/.test(data.caseId) ? data.caseId : '',
  schoolId: typeof data.schoolId === 'string' && /^[a-z0-9-]{1,40}$/.test(data.schoolId) ? data.schoolId : '',
});

/** Opening and handling a case from its card; every read is audited, details only for those who may see them. */
export function registerCases(app: Application<TurnState>, deps: CaseDeps): void {
  const details = async (context: TurnContext, state: TurnState, data: Record<string, unknown>) => {
    const lang = langFor(context, state);
    const m = msgsFor(context, state);
    const { caseId, schoolId } = ids(data);
    const actor = actorOf(context);
    const opened = caseId ? await deps.cases.open(schoolId, caseId, actor) : undefined;
    if (!opened) return m.cases.notFound;
    const c = opened.allowed ? opened.view : opened.case;
    const viewers = await deps.cases.viewerIds(c);
    turnLog(context, deps.log).info({ event: opened.allowed ? 'case.read' : 'case.denied', caseId: c.id });
    if (!opened.allowed) return caseRedactedCard(opened.case, m, deps.cases.schools, viewers);
    return caseDetailsCard(opened.view, deps.forms.get(opened.view.formId), lang, m, {
      schools: deps.cases.schools,
      canHandle: opened.canHandle,
      isAdmin: deps.isAdmin(context),
      viewerIds: viewers,
      today: todayInHelsinki(),
    });
  };

  onCardAction(app, 'case.open', details);
  // Universal Actions refresh: each viewer's client asks for its own view of the card.
  onCardAction(app, 'case.view', details);

  onCardAction(app, 'case.assign', async (context, state, data) => {
    const { caseId, schoolId } = ids(data);
    const r = await deps.cases.assignToSelf(schoolId, caseId, actorOf(context));
    if (r === 'forbidden') return msgsFor(context, state).cases.forbidden;
    return details(context, state, data);
  });

  onCardAction(app, 'case.status', async (context, state, data) => {
    const { caseId, schoolId } = ids(data);
    const to = data.to === 'kasittelyssa' || data.to === 'paattynyt' ? (data.to as CaseStatus) : undefined;
    if (!to) return msgsFor(context, state).cases.notFound;
    const r = await deps.cases.setStatus(schoolId, caseId, to, actorOf(context));
    if (r === 'forbidden') return msgsFor(context, state).cases.forbidden;
    turnLog(context, deps.log).info({ event: 'case.status', caseId, to });
    return details(context, state, data);
  });

  onCardAction(app, 'case.audit', async (context, state, data) => {
    const m = msgsFor(context, state);
    if (!deps.isAdmin(context)) return m.cases.adminOnly;
    const { caseId } = ids(data);
    const trail = await deps.cases.trail(caseId);
    await context.sendActivity(auditText(trail.find((e) => e.caseNumber)?.caseNumber ?? caseId, trail, m));
    return details(context, state, data);
  });
}
