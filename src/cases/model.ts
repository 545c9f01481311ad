import type { Service } from '../forms/registry';
import type { Encrypted } from '../store/crypto';
import type { Deliverable } from '../store/delivery';

/** Yksilökohtainen opiskeluhuollon asia: a submitted form that someone at the school must handle. */
export type CaseStatus = 'vireilla' | 'kasittelyssa' | 'paattynyt';
export const STATUS_FLOW: CaseStatus[] = ['vireilla', 'kasittelyssa', 'paattynyt'];

export interface Person {
  /** Teams user id (29:…), what refresh.userIds needs. */
  userId: string;
  aadObjectId?: string;
  name: string;
}

export interface DueDate {
  /** Latest day the pupil must be seen (OHL 15 §), counted from `CaseDoc.requestedOn`. */
  date: string;
  workingDays: number;
  /** 'school': school working days of the provider's calendar; 'working': Mon–Fri less public holidays (urgent). Absent on older cases: 'school'. */
  basis?: 'school' | 'working';
  calendarCovered: boolean;
  /** Urgent: the school is closed on `date` (break name, or '' when the calendar gives none). */
  schoolClosed?: string;
}

/** `deliveries`: the school channel's notice and the overdue reminders, each sent at least once (store/delivery.ts). */
export interface CaseDoc extends Deliverable {
  /** Derived from the submission's idempotency key: a replayed submit lands on the same document. */
  id: string;
  tenantId: string;
  /** Partition key: a school's cases are listed together. */
  schoolId: string;
  number?: string;
  formId: string;
  service: Service;
  urgent: boolean;
  status: CaseStatus;
  history: { at: string; by: string; action: string; to?: string }[];
  initiator: Person;
  assignee?: Person;
  /** Who handed the case to its assignee (named in the note the assignee gets). */
  handedOverBy?: Person;
  /** The day the pupil or guardian asked (OHL 15 §: the deadline counts from it), not the day the form was filed. */
  requestedOn: string;
  due?: DueDate;
  /** Routing values only (school, service, urgency). Everything about the pupil is in `secret`. */
  fields: Record<string, unknown>;
  /** AES-256-GCM of the pupil's identifying data and all free text / health fields. */
  secret: Encrypted;
  /** Keyed hash of the pupil's name and class, for GDPR look-ups without the name in clear. */
  pupilKey: string;
  submittedIn: string;
  createdAt: string;
  /** Set once every handler has been reminded that the case is overdue (or could not be). */
  overdueRemindedAt?: string;
  _etag?: string;
}

export interface CaseView extends Omit<CaseDoc, 'secret'> {
  /** Decrypted for an authorized reader. */
  values: Record<string, unknown>;
}
