import type { CaseDoc } from '../cases/model';
import type { CaseService } from '../cases/service';
import type { Settings } from '../expert/settings';
import { type Lang, messages } from '../i18n';
import type { Logger } from '../log';
import type { ConversationRef } from '../store/conversationRefs';
import { caseNoticeCard, type NoticeState } from '../ui/caseCards';
import { langOfRef } from './replies';

export interface CaseNotices {
  /** Sends the case's notice to its school's channel (in the channel's language, else `lang`), at least once however often the submit is replayed. */
  deliver(c: CaseDoc, lang?: Lang): Promise<NoticeState>;
  /** Notices a failed post or a dead instance left unsent, tried again by whichever instance comes first. */
  retryPending(): Promise<number>;
}

export function caseNotices(deps: { cases: CaseService; settings: Settings; log: Logger; post(ref: ConversationRef, card: Record<string, unknown>): Promise<string | undefined> }): CaseNotices {
  const deliver = async (c: CaseDoc, lang?: Lang): Promise<NoticeState> => {
    const channel = await deps.settings.schoolChannel(c.tenantId, c.schoolId);
    if (!channel) return 'noChannel';
    const viewerIds = await deps.cases.viewerIds(c);
    const r = await deps.cases.deliverNotice(c, () => deps.post(channel.ref, caseNoticeCard(c, messages(channel.lang ?? lang ?? langOfRef(channel.ref)), deps.cases.schools, viewerIds)));
    if (r.outcome === 'sent' && r.leaseLost) deps.log.warn({ event: 'case.notice.lease-lost', caseId: c.id });
    if (r.outcome === 'failed') deps.log.warn({ event: 'case.notice.failed', caseId: c.id, status: (r.error as { statusCode?: number })?.statusCode ?? null });
    if (r.outcome === 'sent') deps.log.info({ event: 'case.notice.sent', caseId: c.id, attempts: r.doc.deliveries?.notice?.attempts ?? 1 });
    return r.outcome === 'sent' || r.outcome === 'already' ? 'sent' : r.outcome === 'busy' ? 'sending' : r.outcome === 'gone' ? 'noChannel' : 'failed';
  };
  return {
    deliver,
    retryPending: async () => {
      let sent = 0;
      for (const c of await deps.cases.unnoticed()) if ((await deliver(c)) === 'sent') sent++;
      return sent;
    },
  };
}
