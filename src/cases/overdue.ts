import type { Logger } from '../log';
import type { ConversationRef } from '../store/conversationRefs';
import type { CaseDoc } from './model';
import type { CaseService } from './service';

/** How often an instance looks for open cases past their OHL 15 § date. */
export const OVERDUE_PASS_MS = 10 * 60_000;

/** How a handler is reached about an overdue case; the Teams layer implements it (teams/outbound.ts). */
export interface OverdueNotify {
  /** The person's personal chats with Opari. */
  personalChats(tenantId: string, aadObjectId: string): Promise<ConversationRef[]>;
  /** Sends the reminder of `c` to one of them, in that chat's language and with no pupil data; throws if it failed. */
  remind(ref: ConversationRef, c: CaseDoc): Promise<string | undefined>;
}

/**
 * One pass of the overdue-case reminders: each handler reminded at least once, in their personal chat (who,
 * and how often, is CaseService.remindOverdue's policy). Logs ids and counts only.
 */
export async function remindOverdue(cases: CaseService, notify: OverdueNotify, log: Logger): Promise<void> {
  const passes = await cases.remindOverdue(
    (tenantId, aadObjectId) => notify.personalChats(tenantId, aadObjectId),
    (ref, c) => notify.remind(ref, c),
  );
  for (const r of passes) log.info({ event: r.done ? 'case.overdue.reminded' : 'case.overdue.pending', caseId: r.caseId, sent: r.sent, failed: r.failed });
}
