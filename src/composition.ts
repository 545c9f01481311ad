import { join } from 'node:path';
import { AuditLog } from './cases/audit';
import { checkStatutoryWorkingDays, loadCalendars } from './cases/calendarFile';
import { Cases } from './cases/repository';
import { Roles } from './cases/roles';
import { CaseService } from './cases/service';
import type { Config } from './config';
import { Faq } from './expert/faq';
import { FaqLinks } from './expert/faqLinks';
import { Settings } from './expert/settings';
import { Tickets } from './expert/tickets';
import { formCatalog } from './forms/registry';
import { loadSchools } from './forms/schools';
import type { Logger } from './log';
import { placeWords } from './meetings/agenda';
import { Groups, Meetings, Reminders } from './meetings/repository';
import { MeetingService } from './meetings/service';
import { CONTENT_DIR } from './paths';
import type { PlanService } from './plan/answer';
import { PlanLibrary } from './plan/publish/library';
import { PlanVersions } from './plan/publish/versions';
import { PlanWatcher } from './plan/publish/watcher';
import { ConversationRefs } from './store/conversationRefs';
import type { Store } from './store/cosmos';
import type { KeyRing } from './store/crypto';
import { FeedbackStore } from './store/feedback';
import { blobOptionsOf, Originals } from './store/originals';

/** What the services are built from: the process's config, its store, logger, loaded plan and key ring. */
export interface Foundation {
  config: Config;
  store: Store;
  log: Logger;
  plan: PlanService;
  /** CASE_KEYS: encrypts pupil data and free text at rest (cases, tickets, FAQ, feedback) and signs links. */
  keys: KeyRing;
}

export type Services = ReturnType<typeof composeServices>;

/**
 * The domain services of one instance, each built once, here, from the store's containers and the
 * content folder. No Teams framework: the Teams layer (teams/bot.ts) takes these and adds the adapter,
 * the routes and the proactive sends. Loading the region's content happens here too, so a broken
 * schools or calendar file stops start-up (naming the file) before the bot listens.
 */
export function composeServices({ config, store, log, plan, keys }: Foundation) {
  // Conversation references: where proactive messages go (personal chats, groups, channels).
  const refs = new ConversationRefs(store.container('conversations'));

  // The plan: a version published from Teams (Cosmos, originals in Blob Storage) replaces the one kept as files.
  const originals = new Originals(blobOptionsOf(config), log);
  const versions = new PlanVersions(store.container('plans'));
  const library = new PlanLibrary(versions, originals, plan, log);
  const watcher = new PlanWatcher(versions, plan, log);

  // Questions to the experts, their answers kept as FAQ, and the votes on answers.
  const faq = new Faq(store.container('faq'), () => plan.index, keys, new FaqLinks(keys, config.publicUrl));
  const tickets = new Tickets(store.container('tickets'), keys);
  const settings = new Settings(store.container('settings'));
  const feedback = new FeedbackStore(store.container('feedback'), keys);

  // Forms and cases: the region's schools and term calendars, encrypted pupil data, audited reads and grants.
  const schools = loadSchools(join(CONTENT_DIR, 'schools.yml'));
  const forms = formCatalog(schools);
  const roles = new Roles(store.container('roles'));
  const cases = new CaseService(
    new Cases(store.container('cases'), store.container('counters'), config.CASE_PREFIX),
    new AuditLog(store.container('audit')),
    roles,
    keys,
    new Map(schools.map((x) => [x.id, x])),
    // A calendar file that is invalid or breaks the statutory count stops start-up, naming the file.
    checkStatutoryWorkingDays(loadCalendars(join(CONTENT_DIR, 'calendars'))),
  );

  // Meetings: groups bound to conversations, their meetings, and the reminders the dispatcher claims.
  const groups = new Groups(store.container('groups'));
  const meetingRepo = new Meetings(store.container('meetings'));
  const reminders = new Reminders(store.container('reminders'));
  // The region's place names are capitalised words that name no pupil on a communal group's agenda.
  const places = placeWords([plan.plan.meta.region ?? '', ...schools.flatMap((s) => [s.name, s.id, s.municipality ?? ''])]);
  const meetings = new MeetingService(groups, meetingRepo, reminders, config.REMINDER_OFFSETS, places);

  return { refs, originals, library, watcher, faq, tickets, settings, feedback, schools, forms, roles, cases, groups, meetingRepo, reminders, meetings };
}
