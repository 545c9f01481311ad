import type { Person } from '../cases/model';
import type { ConversationRef } from '../store/conversationRefs';

/**
 * Kyselykierros: one round of a survey for some schools. Everything of a round shares its partition
 * (`roundId`) in the surveyRounds container: the round itself, the invitations (who was invited: deleted
 * at close), the "has answered" marks (a keyed hash only: deleted at close) and the answers (no identity;
 * sealed per school at close and deleted after the retention).
 */
export type RoundStatus = 'scheduled' | 'open' | 'closing' | 'closed';

/** Where a school's invitees are read from: the school's survey channel (its team) or its communal group's conversation. */
export interface Audience {
  kind: 'channel' | 'group';
  ref: ConversationRef;
  groupId?: string;
}

export interface RoundSchool {
  schoolId: string;
  name: string;
  municipality: string;
  audience: Audience;
  /** How many were invited (set when the round opens). */
  invited: number;
  /** The action this school's welfare group chose after the previous round of the same survey. */
  followUp?: { actionId: string; text: string };
}

export interface Lease {
  by: string;
  until: string;
}

export interface Round {
  id: string;
  roundId: string;
  kind: 'round';
  tenantId: string;
  surveyId: string;
  title: string;
  createdBy: Person;
  /** The coordinator's personal chat: results come here. */
  coordinatorRef: ConversationRef;
  lang: 'fi' | 'sv' | 'en';
  schools: RoundSchool[];
  /** Helsinki dates; the instants they mean (invitations from 08:00, reminder 09:00, close at midnight). */
  opensOn: string;
  closesOn: string;
  openAt: string;
  remindAt?: string;
  closeAt: string;
  status: RoundStatus;
  /** Opening (audiences → invitations) and closing are claimed by one instance at a time. */
  lease?: Lease;
  /** When the coordinator closed it early, or when closing started (answers are no longer taken). */
  closingSince?: string;
  /** Set once the invitations exist; from then on each invitation is sent by whichever instance claims it. */
  invitationsReady?: boolean;
  /** Counters only — never who. */
  counts: { invited: number; sent: number; failed: number };
  /** Result deliveries done (coordinator, groups), so a retried close repeats none; finished when all are. */
  delivered: string[];
  finished: boolean;
  createdAt: string;
  closedAt?: string;
  _etag?: string;
}

export type SendStatus = 'pending' | 'claimed' | 'sent' | 'failed';

/** Kutsu: who is invited, for the sending and the one reminder. Deleted when the round closes. */
export interface Invitation {
  id: string;
  roundId: string;
  kind: 'invite';
  tenantId: string;
  schoolId: string;
  person: Person;
  /** Where the audience's conversation lives (to create a 1:1 chat when no personal chat is stored). */
  serviceUrl: string;
  status: SendStatus;
  /**
   * The reminder: `done` once handled, whether the person had already answered (no message) or was
   * reminded — the invitation never records which, so it cannot serve as a list of who answered.
   */
  reminder: 'waiting' | 'claimed' | 'done';
  lease?: Lease;
  attempts: number;
  notBefore?: string;
  lastError?: string;
  _etag?: string;
}

/** Vastaus: the values only, the school, and the day. No person, no conversation, no time of day. */
export interface Answer {
  id: string;
  roundId: string;
  kind: 'answer';
  schoolId: string;
  values: Record<string, number | string>;
  day: string;
}

/** The "has answered" mark: a keyed hash of round, school and person, nothing else. Deleted at close. */
export interface AnsweredMark {
  id: string;
  roundId: string;
  kind: 'answered';
}

/** A closed round's answers of one school: shuffled, free text masked, background on profession dropped. */
export interface SealedAnswers {
  id: string;
  roundId: string;
  kind: 'sealed';
  schoolId: string;
  answers: { values: Record<string, number | string>; day: string }[];
}

/** Toimenpide: what a school's welfare group chose to do after a round; the next round asks whether it helped. */
export interface ChosenAction {
  id: string;
  tenantId: string;
  kind: 'action';
  surveyId: string;
  fromRoundId: string;
  schoolIds: string[];
  text: string;
  owner: string;
  followUpOn: string;
  groupId: string;
  createdAt: string;
}

/** A school's survey channel: its staff team, whose members are invited. */
export interface SurveyChannel {
  id: string;
  tenantId: string;
  kind: 'channel';
  schoolId: string;
  ref: ConversationRef;
  setAt: string;
}
