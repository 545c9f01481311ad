import { randomUUID } from 'node:crypto';
import type { TurnState } from '@microsoft/teams-ai';
// Deep import: the package's index also loads the AI planners, tokenizers and model clients that Opari
// does not use (about half a second of every start-up).
import { Application } from '@microsoft/teams-ai/lib/Application';
import type { TurnContext } from 'botbuilder';
import { type Background, background } from '../background';
import { OVERDUE_PASS_MS, remindOverdue } from '../cases/overdue';
import type { Foundation, Services } from '../composition';
import { retryUnposted } from '../expert/delivery';
import { errInfo } from '../log';
import { ReminderDispatcher } from '../meetings/dispatcher';
import { ConflictError } from '../store/errors';
import { OpariAdapter } from './adapter';
import { registerRoutes } from './app';
import { caseNotices } from './caseNotices';
import { correlationId, CORRELATION_KEY, LOGGER_KEY, msgsFor, turnLog } from './context';
import { accept, type Inbound, type HttpRefusal, run } from './inbound';
import { outbound } from './outbound';
import { failureText } from './refusals';
import { tenantOf } from './replies';
import { CosmosStorage, UserTurnState } from './state';
import { wireSurveys } from './surveyWiring';

export interface TeamsBot {
  adapter: OpariAdapter;
  app: Application<TurnState>;
  /** POST /api/messages, first half: the activity's shape (400) and, with BOT_ID, its token (401). */
  accept(body: unknown, authHeader: string): Promise<Inbound | HttpRefusal>;
  /** Second half, for an accepted activity of an allowed tenant: runs the turn; the HTTP answer. */
  run(inbound: Inbound): Promise<{ status: number; body?: unknown }>;
  /**
   * Every timer of this instance: ticket and case-notice retries, overdue-case reminders, meeting reminders,
   * survey rounds and the published-plan watcher. Stopping gives back the claims not being sent.
   */
  background: Background;
  /** A survey round's aggregate CSV behind a signed link (undefined if the link is wrong or expired). */
  surveyCsv(roundId: string, exp: string, sig: string): Promise<string | undefined>;
}

/**
 * The Teams layer over the domain services: the CloudAdapter (our own token check, connector timeouts), the
 * teams-ai Application on Cosmos state, the proactive sends (outbound.ts), the routes table (app.ts) and
 * the background work that reaches Teams.
 */
export function createTeamsBot({ config, store, log, plan, keys }: Foundation, services: Services): TeamsBot {
  const adapter = new OpariAdapter({ appId: config.BOT_ID, password: config.BOT_PASSWORD, type: config.BOT_TYPE, tenantId: config.BOT_TENANT_ID, metadataUrl: config.BOT_OPENID_METADATA_URL });
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

  const out = outbound({ adapter, config, log, services });
  const notices = caseNotices({ cases: services.cases, settings: services.settings, log, post: out.post, tellPerson: out.tellPerson });
  const surveyDeps = {
    adapter,
    botAppId: out.botAppId,
    store,
    refs: services.refs,
    roles: services.roles,
    groups: services.groups,
    meetings: services.meetings,
    schools: services.schools,
    keys,
    config,
    log,
    updateAgenda: out.updateAgenda,
  };
  const surveys = wireSurveys(surveyDeps);
  registerRoutes(app, { config, log, plan, services, out, notices, surveys: { ...surveyDeps, wiring: surveys } });

  app.error(async (context: TurnContext, err: Error) => {
    const id = correlationId(context);
    if (err instanceof ConflictError) turnLog(context, log).warn({ event: 'turn.conflict', subject: err.subject });
    else turnLog(context, log).error({ event: 'turn.error', err: errInfo(err) }, 'Turn failed');
    const text = failureText(err, msgsFor(context), id);
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

  // Meeting reminders are sent at least once (see dispatcher.ts).
  const dispatcher = new ReminderDispatcher(services.reminders, services.meetingRepo, services.groups, out.reminders, {
    leaseMs: config.REMINDER_LEASE_MS,
    graceMinutes: config.REMINDER_GRACE_MINUTES,
    pollMs: config.REMINDER_POLL_MS,
    maxAttempts: 5,
    concurrency: 8,
    log,
  });
  const { watcher } = services;

  return {
    adapter,
    app,
    accept: (body, authHeader) => accept(adapter, body, authHeader),
    run: (inbound) =>
      run(adapter, inbound, async (context) => {
        await app.run(context);
      }),
    background: background(
      log,
      [
        // Tickets and case notices whose post failed (or whose instance died) are retried by whichever instance gets there first (ETag lease).
        { everyMs: 60_000, event: 'expert.retry.failed', run: () => retryUnposted(services.tickets, out.postTicket, log) },
        { everyMs: 60_000, event: 'case.notice.retry-failed', run: () => notices.retryPending() },
        { everyMs: OVERDUE_PASS_MS, event: 'case.overdue.failed', run: () => remindOverdue(services.cases, out.overdue, log) },
      ],
      [dispatcher, { start: () => surveys.jobs.start(), stop: () => surveys.jobs.stop() }, { start: () => watcher.start(config.PLAN_POLL_MS), stop: () => watcher.stop() }],
    ),
    surveyCsv: surveys.csv,
  };
}
