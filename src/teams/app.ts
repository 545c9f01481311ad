import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Services } from '../composition';
import type { Config } from '../config';
import { retryUnposted } from '../expert/delivery';
import type { Logger } from '../log';
import type { PlanService } from '../plan/answer';
import { LanguageDetector } from '../plan/language';
import type { ConversationRefs } from '../store/conversationRefs';
import type { CaseNotices } from './caseNotices';
import { type UserLanguage, turnLog } from './context';
import { registerAdmin } from './handlers/admin';
import { registerAsk } from './handlers/ask';
import { registerCases } from './handlers/cases';
import { registerExpert } from './handlers/expert';
import { registerFallbacks } from './handlers/fallback';
import { registerForms } from './handlers/forms';
import { registerLanguage } from './handlers/language';
import { type MeetingDeps, meetingForms, registerMeetings } from './handlers/meetings';
import { registerPing } from './handlers/ping';
import { registerPlanAdmin } from './handlers/planAdmin';
import { registerSurveys } from './handlers/surveys';
import { registerWelcome } from './handlers/welcome';
import type { Outbound } from './outbound';
import { cardActivity, conversationRefOf, groupLang, tenantOf } from './replies';
import type { SurveyWiring, SurveyWiringDeps } from './surveyWiring';
import { groupOfTurn } from './turnGroup';
import { registerTurnLanguage } from './turnLanguage';

/** What the routes are given: the domain services, the proactive sends, and the Teams-side features built in bot.ts. */
export interface RouteDeps {
  config: Config;
  log: Logger;
  plan: PlanService;
  services: Services;
  out: Outbound;
  notices: CaseNotices;
  surveys: SurveyWiringDeps & { wiring: SurveyWiring };
}

/**
 * The routes table, in the order teams-ai tries it (the first route that matches a message or card verb
 * runs): what every turn does first, then the commands and card verbs of each feature, then free text —
 * a question to the plan — and last the fallbacks for whatever nothing else took.
 */
export function registerRoutes(app: Application<TurnState>, d: RouteDeps): void {
  const { config, log, plan, services: s, out } = d;
  const isAdmin = (context: TurnContext) => out.isAdminId(context.activity.from?.aadObjectId);
  const meetings: MeetingDeps = { meetings: s.meetings, schools: s.schools, forms: s.forms, log, updateAgenda: out.updateAgenda, tellGroup: out.tellGroup };

  // Every turn, before any route.
  rememberConversations(app, s.refs, log);
  registerTurnLanguage(app, {
    // The language of each turn: what was typed (told with the glossary's words), else the group's.
    detector: new LanguageDetector(plan.index.glossary.entries),
    conversationLang: async (context) => {
      const group = await groupOfTurn(context, s.meetings);
      return group ? groupLang(group) : undefined;
    },
  });

  // Commands and card verbs, feature by feature.
  registerWelcome(app);
  registerLanguage(app, { setLang: (tenantId, aadObjectId, lang) => s.refs.setLang(tenantId, aadObjectId, lang) });
  registerPing(app);
  registerExpert(app, {
    plan,
    tickets: s.tickets,
    settings: s.settings,
    faq: s.faq,
    log,
    postTicket: out.postTicket,
    sendTo: async (ref, card) => {
      await out.post(ref, card);
    },
    retryTenant: (tenantId) => retryUnposted(s.tickets, out.postTicket, log, tenantId),
    isAdmin,
    tellAdminsOnce: out.tellAdminsOnce,
  });
  registerMeetings(app, meetings);
  registerSurveys(app, d.surveys);
  registerForms(app, { plan, faq: s.faq, forms: s.forms, cases: s.cases, settings: s.settings, log, notices: d.notices, submitMeetingForm: meetingForms(meetings).submitMeetingForm });
  registerCases(app, {
    cases: s.cases,
    forms: s.forms,
    isAdmin,
    log,
    personal: async (context, card) => (await out.sendPersonal(tenantOf(context.activity) ?? 'none', context.activity.from?.aadObjectId, () => cardActivity(card))) === 'sent',
    tellHandover: d.notices.tellHandover,
  });
  registerAdmin(app, { cases: s.cases, settings: s.settings, forms: s.forms, isAdmin, log });
  registerPlanAdmin(app, {
    plan,
    library: s.library,
    isAdmin,
    allowHttpDownloads: config.anonymous,
    send: async (ref, activity) => {
      await out.send(ref, activity);
    },
    log,
  });

  // Free text: a question to the plan. Then whatever nothing above took.
  registerAsk(app, { plan, faq: s.faq, feedback: s.feedback, log });
  registerFallbacks(app, log);
}

/** Conversation references: stored on install and every conversationUpdate; marked on uninstall/removal. */
function rememberConversations(app: Application<TurnState>, refs: ConversationRefs, log: Logger): void {
  app.turn('beforeTurn', async (context, state) => {
    const a = context.activity;
    if (a.type === 'installationUpdate' && (a.action === 'remove' || a.action === 'remove-upgrade')) {
      await refs.markRemoved(tenantOf(a) ?? 'none', conversationRefOf(a).conversationId);
      turnLog(context, log).info({ event: 'conversation.removed' });
      return true;
    }
    const botRemoved = a.type === 'conversationUpdate' && (a.membersRemoved ?? []).some((m) => m.id === a.recipient?.id);
    if (botRemoved) {
      await refs.markRemoved(tenantOf(a) ?? 'none', conversationRefOf(a).conversationId);
      turnLog(context, log).info({ event: 'conversation.removed' });
    } else if (a.type === 'conversationUpdate' || a.type === 'installationUpdate') {
      const chosen = (state.user as UserLanguage).lang;
      const ref = conversationRefOf(a);
      await refs.save(ref.scope === 'personal' && chosen ? { ...ref, lang: chosen } : ref);
      turnLog(context, log).info({ event: 'conversation.saved' });
    }
    return true;
  });
}
