import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { same } from '../../cases/access';
import type { AuditEntry } from '../../cases/audit';
import { todayInHelsinki } from '../../time/helsinki';
import type { CaseDoc, CaseStatus } from '../../cases/model';
import type { CaseService } from '../../cases/service';
import type { FormDef } from '../../forms/registry';
import { format } from '../../i18n';
import type { Logger } from '../../log';
import { isRefused } from '../../refusal';
import { caseDetailsCard, caseHandoverCard, caseRedactedCard, myCasesCard } from '../../ui/caseCards';
import type { HandoverTold } from '../caseNotices';
import { refusalText } from '../refusals';
import { cardActivity } from '../replies';
import { langFor, msgsFor, turnLog } from '../context';
import { onCardAction } from './actions';
import { actorOf } from './actor';

/** "omat asiat", and as people ask for them: "omat asiani", "mun asiat", "show my cases", "visa mina ärenden". */
export const MY_CASES_PATTERN =
  /^\s*((näytä|nayta) )?(omat asiat|omat asiani|minun asiani|mun asiat)\s*[.!?]*\s*$|^\s*((show|open) )?my cases\s*[.!?]*\s*$|^\s*(visa )?mina (ärenden|arenden)\s*[.!?]*\s*$/i;

/** A case number as typed ("OH-2026-0042", any case of letters): the prefix, the year, the running number. */
export const CASE_NUMBER = String.raw`[A-Za-z]{1,6}-\d{4}-\d{4}`;
/** A case number alone, as staff paste it from a notice: the person's own cases, where it is if it is theirs. */
export const CASE_ID_PATTERN = new RegExp(String.raw`^\s*${CASE_NUMBER}\s*[.!?]*\s*$`);

export interface CaseDeps {
  cases: CaseService;
  forms: Map<string, FormDef>;
  isAdmin(context: TurnContext): boolean;
  log: Logger;
  /** Delivers a card to the acting person's personal chat with Opari; false when Opari has none with them. */
  personal(context: TurnContext, card: Record<string, unknown>): Promise<boolean>;
  /** Tells the case's new assignee in their personal chat (recorded on the case, retried when it fails). */
  tellHandover(c: CaseDoc): Promise<HandoverTold>;
}

/** A case card's ids; a malformed one reads as empty, which finds no case (answered "not found"). */
const caseRef = z.object({
  caseId: z
    .string()
    .regex(/^c[0-9a-f]{32}$/)
    .catch(''),
  schoolId: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .catch(''),
  to: z.string().optional().catch(undefined),
});
const ids = (data: Record<string, unknown>) => caseRef.parse(data);

const isPersonal = (context: TurnContext) => (context.activity.conversation?.conversationType ?? 'personal') === 'personal';

/**
 * Opening and handling a case from its card; every read is audited, details only for those who may see them.
 * Every verb here answers the person who acted only (`personal`): details never become a shared message.
 */
export function registerCases(app: Application<TurnState>, deps: CaseDeps): void {
  const personal = { personal: deps.personal };

  const details = async (context: TurnContext, state: TurnState, data: Record<string, unknown>, extra: { audit?: AuditEntry[]; notice?: string } = {}) => {
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
      canHandOver: !!opened.view.assignee && same(opened.view.assignee, actor),
      backToMine: data.back === 'mine' && isPersonal(context),
      ...extra,
    });
  };

  onCardAction(app, 'case.open', details, personal);
  // Universal Actions refresh: each viewer's client asks for its own view of the card.
  onCardAction(app, 'case.view', details, personal);

  onCardAction(
    app,
    'case.assign',
    async (context, state, data) => {
      const { caseId, schoolId } = ids(data);
      const r = await deps.cases.assignToSelf(schoolId, caseId, actorOf(context));
      if (isRefused(r)) return refusalText(r, msgsFor(context, state));
      return details(context, state, data);
    },
    personal,
  );

  onCardAction(
    app,
    'case.status',
    async (context, state, data) => {
      const { caseId, schoolId } = ids(data);
      const to = data.to === 'kasittelyssa' || data.to === 'paattynyt' ? (data.to as CaseStatus) : undefined;
      if (!to) return msgsFor(context, state).cases.notFound;
      const r = await deps.cases.setStatus(schoolId, caseId, to, actorOf(context));
      if (isRefused(r)) return refusalText(r, msgsFor(context, state));
      turnLog(context, deps.log).info({ event: 'case.status', caseId, to });
      return details(context, state, data);
    },
    personal,
  );

  // The trail lists who read the case: it goes into the admin's own view of the card, never into the conversation.
  onCardAction(
    app,
    'case.audit',
    async (context, state, data) => {
      if (!deps.isAdmin(context)) return msgsFor(context, state).cases.adminOnly;
      return details(context, state, data, { audit: await deps.cases.trail(ids(data).caseId) });
    },
    personal,
  );

  onCardAction(
    app,
    'case.handover',
    async (context, state, data) => {
      const m = msgsFor(context, state);
      const { caseId, schoolId } = ids(data);
      const choices = caseId ? await deps.cases.handOverChoices(schoolId, caseId, actorOf(context)) : undefined;
      if (!choices) return m.cases.notFound;
      if (isRefused(choices)) return refusalText(choices, m);
      return caseHandoverCard(choices.case, choices.people, m);
    },
    personal,
  );

  onCardAction(
    app,
    'case.handover.to',
    async (context, state, data) => {
      const m = msgsFor(context, state);
      const { caseId, schoolId, to } = ids(data);
      const actor = actorOf(context);
      const r = caseId && to !== undefined ? await deps.cases.handOver(schoolId, caseId, to, actor) : undefined;
      if (!r) return m.cases.notFound;
      // A choice that is no longer (or never was) on the list: the case as it stands.
      if (isRefused(r)) return r.refused === 'notCandidate' ? details(context, state, data) : refusalText(r, m);
      turnLog(context, deps.log).info({ event: 'case.handed-over', caseId });
      // The new assignee hears of it in their personal chat (the case number and school, no pupil data); the
      // person handing over is told if that did not happen, rather than assuming it did.
      const told = await deps.tellHandover(r.case);
      const done = format(m.handover.done, { name: r.to.name });
      const notice = told === 'noChat' ? `${done} ${m.handover.noChat}` : told === 'failed' ? `${done} ${m.handover.retrying}` : done;
      return details(context, state, data, { notice });
    },
    personal,
  );

  const mine = async (context: TurnContext, state: TurnState) => {
    const m = msgsFor(context, state);
    if (!isPersonal(context)) return m.myCases.personalOnly;
    const items = await deps.cases.mine(actorOf(context));
    turnLog(context, deps.log).info({ event: 'cases.mine', count: items.length });
    return myCasesCard(items, deps.forms, langFor(context, state), m, deps.cases.schools);
  };

  for (const pattern of [MY_CASES_PATTERN, CASE_ID_PATTERN]) {
    app.message(pattern, async (context, state) => {
      const result = await mine(context, state);
      await context.sendActivity(typeof result === 'string' ? result : cardActivity(result));
    });
  }
  onCardAction(app, 'cases.mine', mine, personal);
}
