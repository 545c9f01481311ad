import type { CaseRefusal } from '../cases/service';
import { format, type Messages } from '../i18n';
import type { MeetingRefusal } from '../meetings/service';
import type { Refused } from '../refusal';
import { ConflictError } from '../store/errors';
import type { AnswerRefusal } from '../surveys/service';

/** Every reason a service refuses for; a reason without its text here fails the build. */
export type RefusalReason = CaseRefusal | MeetingRefusal | AnswerRefusal;

const TEXTS: Record<RefusalReason, (m: Messages) => string> = {
  notHandler: (m) => m.cases.forbidden,
  notAssignee: (m) => m.handover.notAssignee,
  notCandidate: (m) => m.handover.required,
  notChair: (m) => m.meetings.notChair,
  noMeeting: (m) => m.meetings.noMeeting,
  deadlinePassed: (m) => m.meetings.deadlinePassed,
  individualPupil: (m) => m.meetings.individualPupil,
  noRound: (m) => m.surveys.notInvited,
  notInvited: (m) => m.surveys.notInvited,
  roundClosed: (m) => m.surveys.closed,
  answeredAlready: (m) => m.surveys.already,
};

/** What the person who acted is told when a service refused: the one place a refusal becomes words. */
export function refusalText(r: Refused<RefusalReason>, m: Messages): string {
  return TEXTS[r.refused](m);
}

/**
 * What the person is told when their turn failed: a write that lost to someone else's (ConflictError, after
 * the store's retries) says so, as trying again helps; anything else is the generic error with the turn's
 * correlation id for the administrator.
 */
export function failureText(err: unknown, m: Messages, correlationId: string): string {
  return err instanceof ConflictError ? m.conflict : format(m.error, { id: correlationId });
}
