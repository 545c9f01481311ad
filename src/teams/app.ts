import { randomUUID } from 'node:crypto';
import type { TurnState } from '@microsoft/teams-ai';
// Deep import: the package's index also loads the AI planners, tokenizers and model clients that Opari
// does not use (about half a second of every start-up).
import { Application } from '@microsoft/teams-ai/lib/Application';
import type { Activity, TurnContext } from 'botbuilder';
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
import { registerPlanAdmin } from './handlers/planAdmin';
import { PlanLibrary } from '../plan/publish/library';
import { PlanVersions } from '../plan/publish/versions';
import { blobOptionsOf, Originals } from '../store/originals';
import { registerMeetings } from './handlers/meetings';
import { registerSurveys } from './handlers/surveys';
import { ReminderDispatcher } from '../meetings/dispatcher';
import type { Group, Meeting } from '../meetings/model';
import { Groups, Meetings, Reminders } from '../meetings/repository';
import { MeetingService } from '../meetings/service';
import { overdueReminderText } from '../ui/caseCards';
import { agendaCard, meetingWhen } from '../ui/meetingCards';
import { AuditLog } from '../cases/audit';
import { checkStatutoryWorkingDays, loadCalendars } from '../cases/calendarFile';
import { Cases } from '../cases/repository';
import { Roles } from '../cases/roles';
import { CaseService } from '../cases/service';
import { formCatalog } from '../forms/registry';
import { loadSchools } from '../forms/schools';
import type { KeyRing } from '../store/crypto';
import { CONTENT_DIR } from '../paths';
import { join } from 'node:path';
import { format } from '../i18n';
import { registerExpert } from './handlers/expert';
import { retryUnposted } from '../expert/delivery';
import type { Faq } from '../expert/faq';
import { Settings } from '../expert/settings';
import { Tickets } from '../expert/tickets';
import { type Lang, langOf, messages, type Messages } from '../i18n';
import { ticketCard } from '../ui/expertCards';
import { registerLanguage } from './handlers/language';
import { registerPing } from './handlers/ping';
import { registerWelcome } from './handlers/welcome';
import { caseNotices } from './caseNotices';
import { cardActivity, conversationRefOf, langOfRef, sendProactive, tenantOf, updateProactive } from './replies';
import { CosmosStorage, UserTurnState } from './state';
import { OpariAdapter } from './adapter';
import { accept, type Inbound, type Refusal, run } from './inbound';
import { registerFallbacks } from './handlers/fallback';
import { LanguageDetector } from '../plan/language';
import { groupOfTurn } from './turnGroup';
import { registerTurnLanguage } from './turnLanguage';

export interface TeamsBotDeps {
  config: Config;
  store: Store;
  log: Logger;
  plan: PlanService;
  faq: Faq;
  /** CASE_KEYS: encrypts pupil data and free text at rest (cases, tickets, feedback). */
  keys: KeyRing;
  /** Uploaded plans (drafts, publishing); built from the store when not given. */
  library?: PlanLibrary;
}

export interface TeamsBot {
  adapter: OpariAdapter;
  app: Application<TurnState>;
  /** POST /api/messages, first half: the activity's shape (400) and, with BOT_ID, its token (401). */
  accept(body: unknown, authHeader: string): Promise<Inbound | Refusal>;
  /** Second half, for an accepted activity of an allowed tenant: runs the turn; the HTTP answer. */
  run(inbound: Inbound): Promise<{ status: number; body?: unknown }>;
  /** Background work of this instance (reminders, ticket and notice delivery retries, overdue cases, surveys). */
  startBackground(): void;
  /** Ends it: reminder sends under way may finish within `graceMs`; claims not being sent are given back. */
  stopBackground(graceMs: number): Promise<void>;
  /** One pass of the overdue-case reminders (also run every 10 minutes by startBackground). */
  remindOverdue(): Promise<void>;
  /** A survey round's aggregate CSV behind a signed link (undefined if the link is wrong or expired). */
  surveyCsv(roundId: string, exp: string, sig: string): Promise<string | undefined>;
}

/**
 * The Teams layer's composition: the CloudAdapter (our own token check, connector timeouts), the teams-ai
 * Application on Cosmos state, and the routes table. Order matters: teams-ai runs the first matching route.
 */
export function createTeamsBot({ config, store, log, plan, faq, keys, library }: TeamsBotDeps): TeamsBot {
  const adapter = new OpariAdapter({ appId: config.BOT_ID, password: config.BOT_PASSWORD, type: config.BOT_TYPE, tenantId: config.BOT_TENANT_ID, metadataUrl: config.BOT_OPENID_METADATA_URL });
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

  // Meetings: groups bound to conversations, agendas updated in place, reminders sent at least once (see dispatcher.ts).
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
  const tickets = new Tickets(store.container('tickets'), keys);
  const settings = new Settings(store.container('settings'));
  const botAppId = config.BOT_ID ?? '';
  const postTicket = async (t: Parameters<typeof ticketCard>[0]) => {
    const channel = await settings.expertChannel(t.tenantId);
    if (!channel) throw Object.assign(new Error('No expert channel set for the tenant'), { name: 'NoExpertChannel' });
    return sendProactive(adapter, botAppId, channel.ref, cardActivity(ticketCard(t, messages(channel.lang ?? langOf(channel.ref.locale)))));
  };

  const admins = new Set(config.ADMIN_USERS);
  if (admins.size === 0 && config.anonymous) log.warn({ event: 'admin.local' }, 'ADMIN_USERS is empty in local mode: every user is an admin');
  const isAdmin = (context: TurnContext) => (admins.size === 0 ? config.anonymous : admins.has(context.activity.from?.aadObjectId ?? ''));

  /** Sends to a person's personal chat with Opari (the first stored one that works), in that chat's language. */
  const sendPersonal = async (tenantId: string, aadObjectId: string | undefined, make: (m: Messages) => Partial<Activity>): Promise<boolean> => {
    for (const ref of aadObjectId ? await refs.personalFor(tenantId, aadObjectId) : []) {
      try {
        await sendProactive(adapter, botAppId, ref, make(messages(langOf(ref.locale))));
        return true;
      } catch (err) {
        log.warn({ event: 'personal.send.failed', status: (err as { statusCode?: number })?.statusCode ?? null });
      }
    }
    return false;
  };
  /** With no experts' channel, the admins hear once per tenant how to choose one (claimed in settings, so once across instances). */
  const tellAdminsOnce = async (tenantId: string) => {
    if (admins.size === 0 || !(await settings.claimOnce(tenantId, 'expert-channel-hint'))) return;
    let told = false;
    for (const aad of admins) told = (await sendPersonal(tenantId, aad, (m) => ({ type: 'message', text: m.askExpert.adminHint }))) || told;
    if (!told) await settings.releaseOnce(tenantId, 'expert-channel-hint');
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
    isAdmin,
    tellAdminsOnce,
  });
  // Forms and cases: the region's schools and term calendars, encrypted pupil data, audited reads.
  const schools = loadSchools(join(CONTENT_DIR, 'schools.yml'));
  const forms = formCatalog(schools);
  const roles = new Roles(store.container('roles'));
  const caseService = new CaseService(
    new Cases(store.container('cases'), store.container('counters'), config.CASE_PREFIX),
    new AuditLog(store.container('audit')),
    roles,
    keys,
    new Map(schools.map((x) => [x.id, x])),
    // A calendar file that is invalid or breaks the statutory count stops start-up, naming the file.
    checkStatutoryWorkingDays(loadCalendars(join(CONTENT_DIR, 'calendars'))),
  );
  const post = (ref: Parameters<typeof sendProactive>[2], card: Record<string, unknown>) => sendProactive(adapter, botAppId, ref, cardActivity(card));

  const updateAgenda = async (g: Group, m: Meeting) => {
    if (!m.agendaActivityId) return;
    await updateProactive(adapter, botAppId, g.ref, m.agendaActivityId, cardActivity(agendaCard(m, g, groupLang(g), messages(groupLang(g))))).catch((err: { statusCode?: number }) =>
      log.warn({ event: 'agenda.update.failed', meetingId: m.id, status: err?.statusCode ?? null }),
    );
  };
  const tellGroup = (g: Group, text: string) => sendProactive(adapter, botAppId, g.ref, { type: 'message', text });
  const meetingHandlers = registerMeetings(app, { meetings: meetingService, schools, forms, log, updateAgenda, tellGroup });
  const surveys = registerSurveys(app, { adapter, botAppId, store, refs, roles, groups, meetings: meetingService, schools, keys, config, log, updateAgenda });
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

  const notices = caseNotices({ cases: caseService, settings, log, post });
  registerForms(app, { plan, faq, forms, cases: caseService, settings, log, notices, submitMeetingForm: meetingHandlers.submitMeetingForm });
  registerCases(app, {
    cases: caseService,
    forms,
    isAdmin,
    log,
    personal: (context, card) => sendPersonal(tenantOf(context.activity) ?? 'none', context.activity.from?.aadObjectId, () => cardActivity(card)),
    tellPerson: (tenantId, person, text) => sendPersonal(tenantId, person.aadObjectId, (m) => ({ type: 'message', text: text(m) })),
  });
  registerAdmin(app, { cases: caseService, settings, forms, isAdmin, log });
  registerPlanAdmin(app, {
    plan,
    library: library ?? new PlanLibrary(new PlanVersions(store.container('plans')), new Originals(blobOptionsOf(config), log), plan, log),
    isAdmin,
    allowHttpDownloads: config.anonymous,
    send: async (ref, activity) => {
      await sendProactive(adapter, botAppId, ref, activity);
    },
    log,
  });
  registerAsk(app, { plan, faq, feedback: new FeedbackStore(store.container('feedback'), keys), log });
  registerFallbacks(app, log);

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

  /** Overdue cases: each handler reminded at least once, in their personal chat, with no pupil data (see CaseService). */
  const remindOverdue = async () => {
    const passes = await caseService.remindOverdue(
      (tenantId, aadObjectId) => refs.personalFor(tenantId, aadObjectId),
      (ref, c) => sendProactive(adapter, botAppId, ref, { type: 'message', text: overdueReminderText(c, messages(langOfRef(ref))) }),
    );
    for (const r of passes) log.info({ event: r.done ? 'case.overdue.reminded' : 'case.overdue.pending', caseId: r.caseId, sent: r.sent, failed: r.failed });
  };

  let timer: NodeJS.Timeout | undefined;
  let overdueTimer: NodeJS.Timeout | undefined;
  return {
    adapter,
    app,
    accept: (body, authHeader) => accept(adapter, body, authHeader),
    run: (inbound) =>
      run(adapter, inbound, async (context) => {
        await app.run(context);
      }),
    startBackground: () => {
      // Tickets and case notices whose post failed (or whose instance died) are retried by whichever instance gets there first (ETag lease).
      timer = setInterval(() => {
        retryUnposted(tickets, postTicket, log).catch((err: Error) => log.warn({ event: 'expert.retry.failed', type: err?.name }));
        notices.retryPending().catch((err: Error) => log.warn({ event: 'case.notice.retry-failed', type: err?.name }));
      }, 60_000);
      timer.unref();
      overdueTimer = setInterval(() => {
        remindOverdue().catch((err: Error) => log.warn({ event: 'case.overdue.failed', type: err?.name }));
      }, 10 * 60_000);
      overdueTimer.unref();
      dispatcher.start();
      surveys.start();
    },
    remindOverdue,
    surveyCsv: surveys.csv,
    stopBackground: async (graceMs) => {
      clearInterval(timer);
      clearInterval(overdueTimer);
      surveys.stop();
      await dispatcher.stop(graceMs);
    },
  };
}
