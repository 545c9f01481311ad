/**
 * Every Cosmos container Opari uses, with its partition key: the one place that documents them.
 * Partition keys follow the main query of each container (see ARCHITECTURE "Data in Cosmos").
 */
export interface ContainerSpec {
  id: string;
  partitionKey: string;
  purpose: string;
  /** Seconds; -1 enables per-document TTL without a default. */
  defaultTtl?: number;
}

export const containers = {
  /** teams-ai conversation and user state; point reads by hashed storage key. */
  state: { id: 'state', partitionKey: '/id', purpose: 'teams-ai turn state (conversation, user), ETag-guarded' },
  /** Where Opari can talk proactively; listed per tenant. */
  conversations: { id: 'conversations', partitionKey: '/tenantId', purpose: 'conversation references for proactive messages' },
  /** Questions passed to experts (human in the loop); listed per tenant. Free text encrypted; kept 365 days after the last change. */
  tickets: { id: 'tickets', partitionKey: '/tenantId', purpose: 'expert tickets: question, asker, status, answer', defaultTtl: 365 * 24 * 3600 },
  /** Per-tenant settings, e.g. the experts' channel. */
  settings: { id: 'settings', partitionKey: '/tenantId', purpose: 'per-tenant settings (expert channel)' },
  /** Expert answers kept as FAQ entries, plus one version document per tenant that instances watch. */
  faq: { id: 'faq', partitionKey: '/tenantId', purpose: 'FAQ entries saved by experts' },
  /** Individual student welfare cases; a school's cases together. Pupil data encrypted in `secret`. */
  cases: { id: 'cases', partitionKey: '/schoolId', purpose: 'cases (forms submitted), encrypted pupil data' },
  /** Case number counters per region (tenant) and year, updated under ETag. */
  counters: { id: 'counters', partitionKey: '/id', purpose: 'case number counters' },
  /** Every read and change of a case; by month. Kept when a case is deleted. */
  audit: { id: 'audit', partitionKey: '/month', purpose: 'case audit log (ids only)' },
  /** Student welfare roles at schools, managed by admins. */
  roles: { id: 'roles', partitionKey: '/tenantId', purpose: 'role grants per school' },
  /** Welfare groups, one per Teams conversation. */
  groups: { id: 'groups', partitionKey: '/tenantId', purpose: 'groups: type, chair, members, conversation' },
  /** Meetings with their agenda, answers and memo; a group's meetings together. */
  meetings: { id: 'meetings', partitionKey: '/groupId', purpose: 'meetings, agendas, RSVPs, memos' },
  /** One document per reminder, by the UTC day it is due: the dispatcher's query reads one or two partitions. */
  reminders: { id: 'reminders', partitionKey: '/dueDay', purpose: 'meeting reminders with status and claim lease' },
  /** Imported plans: one version document and its file chunks per version, and the `current` pointer every instance watches. */
  plans: { id: 'plans', partitionKey: '/versionId', purpose: 'plan versions (draft, published, archived) as section files, and the published pointer' },
  /** Answer feedback; read per answered section. The question is encrypted; kept 180 days. */
  feedback: { id: 'feedback', partitionKey: '/sectionId', purpose: 'answer feedback (vote, question, section ids)', defaultTtl: 180 * 24 * 3600 },
  /**
   * A survey round and everything of it, by round: invitations and "has answered" marks (deleted at close),
   * answers without identity (sealed per school at close, deleted after SURVEY_KEEP_ROUNDS rounds).
   */
  surveyRounds: { id: 'surveyRounds', partitionKey: '/roundId', purpose: 'survey rounds, invitations, keyed-hash marks, anonymous answers' },
  /** What stays of survey rounds, by tenant: thresholded results, the groups' chosen actions, the schools' survey channels. */
  surveyResults: { id: 'surveyResults', partitionKey: '/tenantId', purpose: 'survey results (aggregates), chosen actions, survey channels' },
} as const satisfies Record<string, ContainerSpec>;

export type ContainerName = keyof typeof containers;
