import type { CaseRefusal } from '../cases/service';
import type { Messages } from '../i18n';
import type { MeetingRefusal } from '../meetings/service';
import type { Refused } from '../refusal';
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
