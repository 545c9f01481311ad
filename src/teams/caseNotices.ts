import type { CaseDoc, Person } from '../cases/model';
import type { CaseService } from '../cases/service';
import type { Settings } from '../expert/settings';
import { format, type Lang, type Messages, messages } from '../i18n';
import type { Logger } from '../log';
import type { ConversationRef } from '../store/conversationRefs';
import { caseNoticeCard, type NoticeState } from '../ui/caseCards';
import { langOfRef } from './replies';

/** How a note to a person's personal chat went: sent, no chat with Opari to send it to, or failed. */
export type PersonalSend = 'sent' | 'noChat' | 'failed';
/** What the handing-over person is told about the note to the new assignee. */
export type HandoverTold = 'sent' | 'sending' | 'noChat' | 'failed';

export interface CaseNotices {
  /** Sends the case's notice to its school's channel (in the channel's language, else `lang`), at least once however often the submit is replayed. */
  deliver(c: CaseDoc, lang?: Lang): Promise<NoticeState>;
  /** Tells the case's new assignee in their personal chat (no pupil data), at least once: a failed try is retried by `retryPending`. */
  tellHandover(c: CaseDoc): Promise<HandoverTold>;
  /** Notices and handover notes a failed send or a dead instance left unsent, tried again by whichever instance comes first. */
  retryPending(): Promise<number>;
}

export function caseNotices(deps: {
  cases: CaseService;
  settings: Settings;
  log: Logger;
  post(ref: ConversationRef, card: Record<string, unknown>): Promise<string | undefined>;
  /** Sends a text to the person's personal chat with Opari, in that chat's language. */
  tellPerson(tenantId: string, person: Person, text: (m: Messages) => string): Promise<PersonalSend>;
}): CaseNotices {
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
  const tellHandover = async (c: CaseDoc): Promise<HandoverTold> => {
    const to = c.assignee;
    if (!to) return 'failed';
    const school = deps.cases.schools.get(c.schoolId)?.name ?? c.schoolId;
    const r = await deps.cases.deliverHandover(c, async () => {
      const sent = await deps.tellPerson(c.tenantId, to, (m) => format(m.handover.toYou, { number: c.number ?? '', school, name: c.handedOverBy?.name ?? '' }));
      if (sent !== 'sent') throw Object.assign(new Error(`handover note ${sent}`), { name: sent });
      return undefined;
    });
    if (r.outcome === 'failed') deps.log.warn({ event: 'case.handover.note-failed', caseId: c.id, reason: (r.error as Error).name, attempts: r.doc.deliveries?.handover?.attempts ?? null });
    if (r.outcome === 'sent') deps.log.info({ event: 'case.handover.noted', caseId: c.id, attempts: r.doc.deliveries?.handover?.attempts ?? 1 });
    if (r.outcome === 'sent' || r.outcome === 'already') return 'sent';
    if (r.outcome === 'busy') return 'sending';
    return r.outcome === 'failed' && (r.error as Error).name === 'noChat' ? 'noChat' : 'failed';
  };
  return {
    deliver,
    tellHandover,
    retryPending: async () => {
      let sent = 0;
      for (const c of await deps.cases.unnoticed()) if ((await deliver(c)) === 'sent') sent++;
      for (const c of await deps.cases.unheardHandovers()) if ((await tellHandover(c)) === 'sent') sent++;
      return sent;
    },
  };
}
