import type { Activity, CloudAdapter } from 'botbuilder';
import type { Person } from '../cases/model';
import type { OverdueNotify } from '../cases/service';
import type { Config } from '../config';
import type { Services } from '../composition';
import { format, type Lang, langOf, messages, type Messages } from '../i18n';
import type { Logger } from '../log';
import type { ReminderPort } from '../meetings/dispatcher';
import type { Group, Meeting } from '../meetings/model';
import type { ConversationRef } from '../store/conversationRefs';
import type { PersonalSend } from './caseNotices';
import { overdueReminderText } from '../ui/caseCards';
import { ticketCard } from '../ui/expertCards';
import { agendaCard, meetingWhen } from '../ui/meetingCards';
import { cardActivity, groupLang, langOfRef, sendProactive, updateProactive } from './replies';

export type Outbound = ReturnType<typeof outbound>;

/**
 * What Opari sends without being asked — tickets to the experts' channel, notes to a person's personal chat,
 * agenda updates, meeting reminders, overdue-case reminders — all through `sendProactive` (paced, with timeouts).
 */
export function outbound(d: { adapter: CloudAdapter; config: Config; log: Logger; services: Services }) {
  const { adapter, config, log } = d;
  const { refs, settings } = d.services;
  const botAppId = config.BOT_ID ?? '';
  const send = (ref: ConversationRef, activity: Partial<Activity>, waitMs?: number) => sendProactive(adapter, botAppId, ref, activity, waitMs);
  const post = (ref: ConversationRef, card: Record<string, unknown>) => send(ref, cardActivity(card));

  const admins = new Set(config.ADMIN_USERS);
  if (admins.size === 0 && config.anonymous) log.warn({ event: 'admin.local' }, 'ADMIN_USERS is empty in local mode: every user is an admin');
  const isAdminId = (aadObjectId: string | undefined) => (admins.size === 0 ? config.anonymous : admins.has(aadObjectId ?? ''));

  const postTicket = async (t: Parameters<typeof ticketCard>[0]) => {
    const channel = await settings.expertChannel(t.tenantId);
    if (!channel) throw Object.assign(new Error('No expert channel set for the tenant'), { name: 'NoExpertChannel' });
    return post(channel.ref, ticketCard(t, messages(channel.lang ?? langOf(channel.ref.locale))));
  };

  /** Sends to a person's personal chat with Opari (the first stored one that works), in that chat's language. */
  const sendPersonal = async (tenantId: string, aadObjectId: string | undefined, make: (m: Messages) => Partial<Activity>): Promise<PersonalSend> => {
    const chats = aadObjectId ? await refs.personalFor(tenantId, aadObjectId) : [];
    for (const ref of chats) {
      try {
        await send(ref, make(messages(langOf(ref.locale))));
        return 'sent';
      } catch (err) {
        log.warn({ event: 'personal.send.failed', status: (err as { statusCode?: number })?.statusCode ?? null });
      }
    }
    return chats.length ? 'failed' : 'noChat';
  };

  /** With no experts' channel, the admins hear once per tenant how to choose one (claimed in settings, so once across instances). */
  const tellAdminsOnce = async (tenantId: string) => {
    if (admins.size === 0 || !(await settings.claimOnce(tenantId, 'expert-channel-hint'))) return;
    let told = false;
    for (const aad of admins) told = (await sendPersonal(tenantId, aad, (m) => ({ type: 'message', text: m.askExpert.adminHint }))) === 'sent' || told;
    if (!told) await settings.releaseOnce(tenantId, 'expert-channel-hint');
  };

  const updateAgenda = async (g: Group, m: Meeting) => {
    if (!m.agendaActivityId) return;
    await updateProactive(adapter, botAppId, g.ref, m.agendaActivityId, cardActivity(agendaCard(m, g, groupLang(g), messages(groupLang(g))))).catch((err: { statusCode?: number }) =>
      log.warn({ event: 'agenda.update.failed', meetingId: m.id, status: err?.statusCode ?? null }),
    );
  };

  const reminders: ReminderPort = {
    send: async (g, m) => {
      // A claimed reminder waits for a slot no longer than half its lease; past that it is retried as throttled.
      await send(g.ref, cardActivity(agendaCard(m, g, groupLang(g), messages(groupLang(g)), { reminder: true })), config.REMINDER_LEASE_MS / 2);
    },
    tellChair: async (g, m, _r, what) => {
      const tell = (lang: Lang) => format(what === 'failed' ? messages(lang).meetings.failedToChair : messages(lang).meetings.missedToChair, { title: m.title, when: meetingWhen(m, lang) });
      const personal = g.chair.aadObjectId ? await refs.personalFor(g.tenantId, g.chair.aadObjectId) : [];
      // In the chair's personal chat, the chair's language; in the group's conversation, the group's.
      if (personal.length) for (const ref of personal) await send(ref, { type: 'message', text: tell(langOfRef(ref)) });
      else if (what === 'missed') await send(g.ref, { type: 'message', text: tell(groupLang(g)) });
    },
  };

  const overdue: OverdueNotify = {
    personalChats: (tenantId, aadObjectId) => refs.personalFor(tenantId, aadObjectId),
    remind: (ref, c) => send(ref, { type: 'message', text: overdueReminderText(c, messages(langOfRef(ref))) }),
  };

  return {
    botAppId,
    isAdminId,
    send,
    post,
    postTicket,
    sendPersonal,
    tellAdminsOnce,
    tellPerson: (tenantId: string, person: Person, text: (m: Messages) => string) => sendPersonal(tenantId, person.aadObjectId, (m) => ({ type: 'message', text: text(m) })),
    updateAgenda,
    tellGroup: (g: Group, text: string) => send(g.ref, { type: 'message', text }),
    reminders,
    overdue,
  };
}
