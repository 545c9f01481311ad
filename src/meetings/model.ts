import type { Person } from '../cases/model';
import type { Lang } from '../i18n';
import type { ConversationRef } from '../store/conversationRefs';
import type { Deliverable } from '../store/delivery';

/** Opiskeluhuoltoryhmä bound to one Teams conversation (channel or group chat). */
export type GroupType = 'communal' | 'expert' | 'steering' | 'regional';
export const GROUP_TYPES: GroupType[] = ['communal', 'expert', 'steering', 'regional'];

export interface Group {
  id: string;
  tenantId: string;
  type: GroupType;
  name: string;
  /** What Opari posts in the group's conversation is in this language (set up in the chair's). */
  lang?: Lang;
  schoolId?: string;
  ref: ConversationRef;
  chair: Person;
  members: Person[];
  /** Teams user ids of the chair and members, for "my meetings". */
  memberIds: string[];
  createdAt: string;
  _etag?: string;
}

export interface AgendaItem {
  id: string;
  title: string;
  details?: string;
  proposedBy: string;
  status: 'proposed' | 'accepted' | 'rejected';
  /** Pre-filled from the plan's group guidance. */
  standard: boolean;
  /** Added by Opari from elsewhere (e.g. `survey:<round>:<unit>`), so the same item is never added twice. */
  source?: string;
}

export interface Memo {
  attendance: string;
  decisions: string;
  tasks: string;
  recordedBy: string;
  at: string;
  /** The submit that wrote it: a replay of the same submit leaves it as it is. */
  key?: string;
}

export type Rsvp = 'yes' | 'no';

/** `deliveries`: the agenda card's post and the change and cancellation notices, each sent at least once (store/delivery.ts). */
export interface Meeting extends Deliverable {
  id: string;
  /** Partition key: a group's meetings together. */
  groupId: string;
  tenantId: string;
  seriesId: string;
  title: string;
  /** A development workshop on survey results (its own standard agenda); otherwise an ordinary meeting. */
  kind?: 'workshop';
  /** Wall-clock date and time in Europe/Helsinki, and the instants they mean. */
  date: string;
  time: string;
  startUtc: string;
  endUtc: string;
  durationMinutes: number;
  place: string;
  status: 'scheduled' | 'cancelled';
  agenda: AgendaItem[];
  /** Proposals are taken until this instant (24 h before the start). */
  proposalsUntil: string;
  rsvps: Record<string, { name: string; answer: Rsvp; at: string }>;
  memo?: Memo;
  /** The agenda card in the group's conversation, updated in place. */
  agendaActivityId?: string;
  warnings: string[];
  /** Submits of the Meeting form already applied to this meeting (the latest few), so a replay changes nothing. */
  changeKeys?: string[];
  createdAt: string;
  _etag?: string;
}

export type ReminderStatus = 'pending' | 'claimed' | 'sent' | 'failed' | 'missed' | 'cancelled';

export interface Reminder {
  id: string;
  /** Partition key: the UTC day the reminder is due (the dispatcher reads today's and yesterday's). */
  dueDay: string;
  dueUtc: string;
  offsetMinutes: number;
  meetingId: string;
  groupId: string;
  tenantId: string;
  status: ReminderStatus;
  claimedBy?: string;
  leaseUntil?: string;
  attempts: number;
  lastError?: string;
  sentAt?: string;
  _etag?: string;
}
