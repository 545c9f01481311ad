import { randomUUID } from 'node:crypto';
import type { TurnState } from '@microsoft/teams-ai';
// Deep imports: the package's index also loads the AI planners, tokenizers and model clients that Opari
// does not use (about half a second of every start-up).
import { Application } from '@microsoft/teams-ai/lib/Application';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import type { Request, Response, TurnContext } from 'botbuilder';
import type { Config } from '../config';
import { errInfo, type Logger } from '../log';
import type { PlanService } from '../plan/answer';
import type { Store } from '../store/cosmos';
import { FeedbackStore } from '../store/feedback';
import { ConversationRefs } from '../store/conversationRefs';
import { correlationId, CORRELATION_KEY, LOGGER_KEY, msgsFor, turnLog, type UserLanguage } from './context';
import { registerAsk } from './handlers/ask';
import { registerForms } from './handlers/forms';
import { registerCases } from './handlers/cases';
import { registerAdmin } from './handlers/admin';
import { registerMeetings } from './handlers/meetings';
import { ReminderDispatcher } from '../meetings/dispatcher';
import type { Group, Meeting } from '../meetings/model';
import { Groups, Meetings, Reminders } from '../meetings/repository';
import { MeetingService } from '../meetings/service';
import { agendaCard, meetingWhen } from '../ui/meetingCards';
import { AuditLog } from '../cases/audit';
import { loadCalendars } from '../cases/calendar';
import { Cases } from '../cases/repository';
import { Roles } from '../cases/roles';
import { CaseService } from '../cases/service';
import { formCatalog } from '../forms/registry';
import { loadSchools } from '../forms/schools';
import { KeyRing } from '../store/crypto';
import { CONTENT_DIR } from '../paths';
import { join } from 'node:path';
import { format } from '../i18n';
import { registerExpert } from './handlers/expert';
import { retryUnposted } from '../expert/delivery';
import type { Faq } from '../expert/faq';
import { Settings } from '../expert/settings';
import { Tickets } from '../expert/tickets';
import { type Lang, langOf, messages } from '../i18n';
import { ticketCard } from '../ui/expertCards';
import { registerLanguage } from './handlers/language';
import { registerPing } from './handlers/ping';
import { registerWelcome } from './handlers/welcome';
import { cardActivity, conversationRefOf, langOfRef, sendProactive, tenantOf, updateProactive } from './replies';
import { CosmosStorage, UserTurnState } from './state';
import { LanguageDetector } from '../plan/language';
import { groupOfTurn } from './turnGroup';
import { registerTurnLanguage } from './turnLanguage';

export interface TeamsBotDeps {
  config: Config;
  store: Store;
  log: Logger;
  plan: PlanService;
  faq: Faq;
}

export interface TeamsBot {
  adapter: TeamsAdapter;
  app: Application<TurnState>;
  /** Handles one POST /api/messages (JWT check when BOT_ID is set). */
  process(req: Request, res: Response): Promise<void>;
  /** Background work of this instance (ticket delivery retries); stop() ends it. */
  startBackground(): void;
  stopBackground(): void;
  /** One pass of the overdue-case reminders (also run every 10 minutes by startBackground). */
  remindOverdue(): Promise<void>;
}

/**
 * The Teams layer's composition: CloudAdapter (TeamsAdapter = CloudAdapter with
 * ConfigurationBotFrameworkAuthentication), the teams-ai Application on Cosmos state, and the routes table.
 * Order matters: teams-ai runs the first matching route.
 */
export function createTeamsBot({ config, store, log, plan, faq }: TeamsBotDeps): TeamsBot {
  const adapter = new TeamsAdapter({
    MicrosoftAppId: config.BOT_ID ?? '',
    MicrosoftAppPassword: config.BOT_PASSWORD ?? '',
    // Without BOT_ID (local only) the adapter runs anonymous; the app type only matters with an identity.
    MicrosoftAppType: config.BOT_ID ? config.BOT_TYPE : 'MultiTenant',
    MicrosoftAppTenantId: config.BOT_TENANT_ID ?? '',
  });
  const refs = new ConversationRefs(store.container('conversations'));

  const app = new Application<TurnState>({
    adapter,
    botAppId: config.BOT_ID ?? '',
    storage: new CosmosStorage(store.container('state')),
    turnStateFactory: () => new UserTurnState(),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  // Every turn gets a correlation id that goes into every log line of the turn and into error replies.
  adapter.use(async (context, next) => {
    const id = randomUUID();
    const a = context.activity;
    const child = log.child({ correlationId: id, activityId: a.id, activityType: a.type, activityName: a.name, tenantId: tenantOf(a), conversationId: a.conversation?.id });
    context.turnState.set(CORRELATION_KEY, id);
    context.turnState.set(LOGGER_KEY, child);
    const started = Date.now();
    child.debug({ event: 'turn.start' });
    await next();
    child.info({ event: 'turn.end', ms: Date.now() - started });
  });

  // Conversation references: stored on install and every conversationUpdate; marked on uninstall/removal.
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

  // Meetings: groups bound to conversations, agendas updated in place, reminders sent exactly once.
  const groups = new Groups(store.container('groups'));
  const meetingRepo = new Meetings(store.container('meetings'));
  const reminders = new Reminders(store.container('reminders'));
  const meetingService = new MeetingService(groups, meetingRepo, reminders, config.REMINDER_OFFSETS);
  const groupLang = (g: Group) => g.lang ?? langOf(g.ref.locale);
  // The language of each turn: what was typed (told with the glossary's words), else the group's.
  registerTurnLanguage(app, {
    detector: new LanguageDetector(plan.index.glossary.entries),
    conversationLang: async (context) => {
      const group = await groupOfTurn(context, meetingService);
      return group ? groupLang(group) : undefined;
    },
  });

  // Routes table: commands first, free text last.
  registerWelcome(app);
  registerLanguage(app, { setLang: (tenantId, aadObjectId, lang) => refs.setLang(tenantId, aadObjectId, lang) });
  registerPing(app);
  const tickets = new Tickets(store.container('tickets'));
  const settings = new Settings(store.container('settings'));
  const botAppId = config.BOT_ID ?? '';
  const postTicket = async (t: Parameters<typeof ticketCard>[0]) => {
    const channel = await settings.expertChannel(t.tenantId);
    if (!channel) throw Object.assign(new Error('No expert channel set for the tenant'), { name: 'NoExpertChannel' });
    return sendProactive(adapter, botAppId, channel.ref, cardActivity(ticketCard(t, messages(channel.lang ?? langOf(channel.ref.locale)))));
  };

  registerExpert(app, {
    plan,
    tickets,
    settings,
    faq,
    log,
    postTicket,
    sendTo: async (ref, card) => {
      await sendProactive(adapter, botAppId, ref, cardActivity(card));
    },
    retryTenant: (tenantId) => retryUnposted(tickets, postTicket, log, tenantId),
  });
  // Forms and cases: the region's schools and term calendars, encrypted pupil data, audited reads.
  const schools = loadSchools(join(CONTENT_DIR, 'schools.yml'));
  const forms = formCatalog(schools);
  const keys = KeyRing.fromEnv(config.CASE_KEYS);
  if (keys.generated) log.warn({ event: 'crypto.dev-key' }, 'CASE_KEYS is empty: case data is encrypted with a development key made for this run (local only)');
  const roles = new Roles(store.container('roles'));
  const caseService = new CaseService(
    new Cases(store.container('cases'), store.container('counters'), config.CASE_PREFIX),
    new AuditLog(store.container('audit')),
    roles,
    keys,
    new Map(schools.map((x) => [x.id, x])),
    loadCalendars(join(CONTENT_DIR, 'calendars')),
  );
  const admins = new Set(config.ADMIN_USERS);
  if (admins.size === 0 && config.anonymous) log.warn({ event: 'admin.local' }, 'ADMIN_USERS is empty in local mode: every user is an admin');
  const isAdmin = (context: TurnContext) => (admins.size === 0 ? config.anonymous : admins.has(context.activity.from?.aadObjectId ?? ''));
  const post = (ref: Parameters<typeof sendProactive>[2], card: Record<string, unknown>) => sendProactive(adapter, botAppId, ref, cardActivity(card));

  const updateAgenda = async (g: Group, m: Meeting) => {
    if (!m.agendaActivityId) return;
    await updateProactive(adapter, botAppId, g.ref, m.agendaActivityId, cardActivity(agendaCard(m, g, groupLang(g), messages(groupLang(g))))).catch((err: { statusCode?: number }) =>
      log.warn({ event: 'agenda.update.failed', meetingId: m.id, status: err?.statusCode ?? null }),
    );
  };
  const tellGroup = async (g: Group, text: string) => {
    await sendProactive(adapter, botAppId, g.ref, { type: 'message', text }).catch((err: { statusCode?: number }) => log.warn({ event: 'group.tell.failed', groupId: g.id, status: err?.statusCode ?? null }));
  };
  const meetingHandlers = registerMeetings(app, { meetings: meetingService, schools, forms, log, updateAgenda, tellGroup });
  const dispatcher = new ReminderDispatcher(
    reminders,
    meetingRepo,
    groups,
    {
      send: async (g, m) => {
        // A claimed reminder waits for a slot no longer than half its lease; past that it is retried as throttled.
        await sendProactive(adapter, botAppId, g.ref, cardActivity(agendaCard(m, g, groupLang(g), messages(groupLang(g)), { reminder: true })), config.REMINDER_LEASE_MS / 2);
      },
      tellChair: async (g, m, _r, what) => {
        const tell = (lang: Lang) => format(what === 'failed' ? messages(lang).meetings.failedToChair : messages(lang).meetings.missedToChair, { title: m.title, when: meetingWhen(m, lang) });
        const personal = g.chair.aadObjectId ? await refs.personalFor(g.tenantId, g.chair.aadObjectId) : [];
        // In the chair's personal chat, the chair's language; in the group's conversation, the group's.
        if (personal.length) for (const ref of personal) await sendProactive(adapter, botAppId, ref, { type: 'message', text: tell(langOfRef(ref)) });
        else if (what === 'missed') await sendProactive(adapter, botAppId, g.ref, { type: 'message', text: tell(groupLang(g)) });
      },
    },
    { leaseMs: config.REMINDER_LEASE_MS, graceMinutes: config.REMINDER_GRACE_MINUTES, pollMs: config.REMINDER_POLL_MS, maxAttempts: 5, concurrency: 8, log },
  );

  registerForms(app, { plan, faq, forms, cases: caseService, settings, log, post, submitMeetingForm: meetingHandlers.submitMeetingForm });
  registerCases(app, { cases: caseService, forms, isAdmin, log });
  registerAdmin(app, { cases: caseService, settings, forms, isAdmin, log });
  registerAsk(app, { plan, faq, feedback: new FeedbackStore(store.container('feedback')), log });

  app.error(async (context: TurnContext, err: Error) => {
    const id = correlationId(context);
    turnLog(context, log).error({ event: 'turn.error', err: errInfo(err) }, 'Turn failed');
    const text = format(msgsFor(context).error, { id });
    try {
      if (context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action') {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } } });
      } else if (context.activity.type === 'message' || context.activity.type === 'invoke') {
        await context.sendActivity(text);
      }
    } catch (sendErr) {
      turnLog(context, log).error({ event: 'turn.error.reply-failed', err: { type: (sendErr as Error)?.name } });
    }
  });

  /** Overdue cases: each reminded once (ETag claim), in the handler's personal chat, with no pupil data. */
  const remindOverdue = async () => {
    for (const c of await caseService.claimOverdue()) {
      const holders = c.assignee ? [c.assignee] : (await roles.holders(c.tenantId, c.schoolId, ['kuraattori', 'psykologi'])).map((g) => g.user);
      for (const person of holders) {
        if (!person.aadObjectId) continue;
        for (const ref of await refs.personalFor(c.tenantId, person.aadObjectId)) {
          const m = messages(langOfRef(ref));
          await sendProactive(adapter, botAppId, ref, { type: 'message', text: format(m.cases.overdueReminder, { number: c.number ?? '', date: c.due?.date.split('-').reverse().join('.') ?? '' }) }).catch((err: { statusCode?: number }) =>
            log.warn({ event: 'case.overdue.send-failed', caseId: c.id, status: err?.statusCode ?? null }),
          );
        }
      }
      log.info({ event: 'case.overdue.reminded', caseId: c.id, recipients: holders.length });
    }
  };

  let timer: NodeJS.Timeout | undefined;
  let overdueTimer: NodeJS.Timeout | undefined;
  return {
    adapter,
    app,
    process: (req, res) => adapter.process(req, res, async (context) => { await app.run(context); }),
    startBackground: () => {
      // Tickets whose channel post failed are retried by whichever instance gets there first (ETag lease).
      timer = setInterval(() => {
        retryUnposted(tickets, postTicket, log).catch((err: Error) => log.warn({ event: 'expert.retry.failed', type: err?.name }));
      }, 60_000);
      timer.unref();
      overdueTimer = setInterval(() => {
        remindOverdue().catch((err: Error) => log.warn({ event: 'case.overdue.failed', type: err?.name }));
      }, 10 * 60_000);
      overdueTimer.unref();
      dispatcher.start();
    },
    remindOverdue,
    stopBackground: () => {
      clearInterval(timer);
      clearInterval(overdueTimer);
      dispatcher.stop();
    },
  };
}
