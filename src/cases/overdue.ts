import type { Logger } from '../log';
import type { CaseService, OverdueNotify } from './service';

/** How often an instance looks for open cases past their OHL 15 § date. */
export const OVERDUE_PASS_MS = 10 * 60_000;

/**
 * One pass of the overdue-case reminders: each handler reminded at least once, in their personal chat (who,
 * and how often, is CaseService.remindOverdue's policy). Logs ids and counts only.
 */
export async function remindOverdue(cases: CaseService, notify: OverdueNotify, log: Logger): Promise<void> {
  const passes = await cases.remindOverdue(notify);
  for (const r of passes) log.info({ event: r.done ? 'case.overdue.reminded' : 'case.overdue.pending', caseId: r.caseId, sent: r.sent, failed: r.failed });
}
