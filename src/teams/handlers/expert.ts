import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { deliverAnswer, deliverTicket, type PostTicket } from '../../expert/delivery';
import type { Faq } from '../../expert/faq';
import type { Settings } from '../../expert/settings';
import { withoutThread } from '../../store/conversationRefs';
import { type Ticket, type Tickets, transitions } from '../../expert/tickets';
import { ConflictError } from '../../store/errors';
import { format, messages, type Messages } from '../../i18n';
import type { Logger } from '../../log';
import type { PlanService } from '../../plan/answer';
import { answerCard } from '../../ui/answerCard';
import { expertAnswerCard, ticketCard } from '../../ui/expertCards';
import { correlationId, langFor, msgsFor, turnLog } from '../context';
import { failureText } from '../refusals';
import { conversationRefOf, replyRefOf, tenantOf } from '../replies';
import { onCardAction } from './actions';
import { actorOf, submitKey } from './actor';
import { answerView } from './answerView';

export const EXPERT_CHANNEL_PATTERN = /^\s*(asiantuntijakanava|expert\s*channel|expertkanal(en)?)\s*[.!]*\s*$/i;

export interface ExpertDeps {
  plan: PlanService;
  tickets: Tickets;
  settings: Settings;
  faq: Faq;
  log: Logger;
  /** Posts a ticket card to the tenant's expert channel; returns the message id. */
  postTicket: PostTicket;
  /** Sends a card to a stored conversation (the asker's). */
  sendTo(ref: Ticket['askerRef'], card: Record<string, unknown>): Promise<void>;
  /** Delivers a tenant's waiting tickets now (after the channel is set). */
  retryTenant(tenantId: string): Promise<number>;
  isAdmin(context: TurnContext): boolean;
  /** Tells the admins, once per tenant, how to choose the experts' channel. */
  tellAdminsOnce(tenantId: string): Promise<void>;
}

/** The asker's reviewed wording (`expertQuestion`, the card's input); `question` on cards from before the review step. */
const askData = z
  .object({ expertQuestion: z.string().trim().min(1).max(500).optional(), question: z.string().trim().max(500).optional() })
  .passthrough()
  .refine((d) => !!(d.expertQuestion ?? d.question));
const ticketData = z.object({ ticketId: z.string().regex(/^T-[0-9A-F]{6}$/) }).passthrough();
const answerData = ticketData.extend({
  answer: z.string().max(100_000).optional().default(''),
  saveFaq: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  faqQuestion: z.string().max(1000).optional().default(''),
});

/** Ask an expert: a question the plan does not answer becomes a ticket in the coordinators' channel. */
export function registerExpert(app: Application<TurnState>, deps: ExpertDeps): void {
  app.message(EXPERT_CHANNEL_PATTERN, async (context, state) => {
    const lang = langFor(context, state);
    const m = messages(lang);
    // Whoever chooses the channel receives every later question with its asker's name: an admin's decision.
    if (!deps.isAdmin(context)) {
      await context.sendActivity(m.askExpert.channelAdminOnly);
      return;
    }
    const ref = conversationRefOf(context.activity);
    if (ref.scope !== 'channel') {
      await context.sendActivity(m.expert.channelOnly);
      return;
    }
    await deps.settings.setExpertChannel(ref.tenantId, { ref, setBy: context.activity.from.aadObjectId ?? context.activity.from.id, setAt: new Date().toISOString(), lang });
    turnLog(context, deps.log).info({ event: 'expert.channel.set' });
    await context.sendActivity(m.expert.channelSet);
    // Questions that waited for a channel are delivered now.
    const delivered = await deps.retryTenant(ref.tenantId);
    if (delivered > 0) turnLog(context, deps.log).info({ event: 'expert.tickets.delivered', count: delivered });
  });

  onCardAction(app, 'expert.ask', async (context, state, data) => {
    const lang = langFor(context, state);
    const m = messages(lang);
    const parsed = askData.safeParse(data);
    if (!parsed.success) {
      const tooLong = [data.expertQuestion, data.question].some((q) => typeof q === 'string' && q.trim().length > 500);
      await context.sendActivity(tooLong ? m.askExpert.tooLong : m.expert.noQuestion);
      return answerCard(deps.plan.answer('', lang), deps.plan.plan, m);
    }
    const question = (parsed.data.expertQuestion ?? parsed.data.question)!;
    const shown = parsed.data.question || question;
    const a = context.activity;
    // One ticket per answer card and person: a Teams retry or a double click asks once.
    const { ticket, duplicate } = await deps.tickets.create(
      {
        tenantId: tenantOf(a) ?? 'none',
        question,
        lang,
        asker: { aadObjectId: a.from.aadObjectId, userId: a.from.id, name: a.from.name ?? a.from.id },
        askerRef: replyRefOf(a),
      },
      new Date(),
      submitKey(context, 'expert.ask'),
    );
    const after = await deliverTicket(deps.tickets, ticket, deps.postTicket, turnLog(context, deps.log));
    // Posted (a replayed click may find it claimed or answered since).
    const sent = !!after && after.status !== 'unposted';
    // Sent only when the channel post succeeded; without a channel the ticket waits and an admin hears how to choose one.
    const noChannel = !sent && !(await deps.settings.expertChannel(ticket.tenantId));
    turnLog(context, deps.log).info({ event: duplicate ? 'expert.ticket.replayed' : 'expert.ticket.created', ticketId: ticket.id, status: after?.status ?? ticket.status, noChannel });
    const id = { id: ticket.id };
    // A replayed click was told already: only the card is given again.
    if (!duplicate) {
      if (sent) await context.sendActivity(format(m.expert.sent, id));
      else if (noChannel) {
        await context.sendActivity([format(m.askExpert.waitingReply, id), ...(deps.isAdmin(context) ? [m.askExpert.adminHint] : [])].join('\n\n'));
        await deps.tellAdminsOnce(ticket.tenantId);
      } else await context.sendActivity(format(m.expert.queued, id));
    }
    const note = sent ? `✅ ${format(m.expert.sentNote, id)}` : noChannel ? format(m.askExpert.waiting, id) : `⏳ ${m.expert.status.unposted}: ${ticket.id}`;
    // The clicked card stays, with the ticket's state in place of the button.
    return answerView(context, deps, shown, lang, { expertSent: note });
  });

  const withTicket =
    (handle: (context: TurnContext, t: Ticket, data: Record<string, unknown>, m: Messages) => Promise<Record<string, unknown> | string>) =>
    async (context: TurnContext, state: TurnState, data: Record<string, unknown>) => {
      // The ticket card speaks the language of whoever acts on it.
      const m = msgsFor(context, state);
      const parsed = ticketData.safeParse(data);
      const t = parsed.success ? await deps.tickets.get(tenantOf(context.activity) ?? 'none', parsed.data.ticketId) : undefined;
      if (!t) return m.expert.notFound;
      // Experts act in their channel (Teams delivers the click only to its members), and never on their own question.
      const channel = await deps.settings.expertChannel(t.tenantId);
      const from = context.activity.from;
      const asker = from.id === t.asker.userId || (!!from.aadObjectId && from.aadObjectId === t.asker.aadObjectId);
      if (!channel || withoutThread(channel.ref.conversationId) !== withoutThread(context.activity.conversation.id) || asker) {
        turnLog(context, deps.log).warn({ event: 'expert.ticket.refused', ticketId: t.id, asker });
        return m.askExpert.expertsOnly;
      }
      try {
        return await handle(context, t, data, m);
      } catch (err) {
        // Another expert acted first: the ticket as it now stands, with the same words as every lost write.
        if (err instanceof ConflictError) return ticketCard((await deps.tickets.get(t.tenantId, t.id)) ?? t, m, { error: failureText(err, m, correlationId(context)) });
        throw err;
      }
    };

  const who = (context: TurnContext) => {
    const a = actorOf(context);
    return { userId: a.aadObjectId ?? a.userId, name: a.name };
  };

  onCardAction(
    app,
    'expert.claim',
    withTicket(async (context, t, _data, m) => {
      const by = who(context);
      const next = await deps.tickets.update(t.tenantId, t.id, transitions.claim(by));
      turnLog(context, deps.log).info({ event: 'expert.ticket.claimed', ticketId: t.id });
      return ticketCard(next ?? t, m);
    }),
  );

  onCardAction(
    app,
    'expert.answer',
    withTicket(async (context, t, data, m) => {
      const parsed = answerData.safeParse(data);
      const text = parsed.success ? parsed.data.answer.trim() : '';
      if (!parsed.success || !text) return ticketCard(t, m, { error: m.expert.answerRequired });
      if (text.length > 4000) return ticketCard(t, m, { error: m.expert.answerTooLong, draft: text.slice(0, 4000) });
      // The same answer again (a replay, or a retry after the send to the asker failed) goes on to that send.
      if (t.status === 'closed' || (t.status === 'answered' && t.answer?.text !== text)) return ticketCard(t, m);
      const by = who(context);
      const saveFaq = parsed.data.saveFaq === true || parsed.data.saveFaq === 'true';
      // The FAQ keeps the expert's reviewed wording of the question, never the asker's raw text.
      const faqQuestion = parsed.data.faqQuestion.trim();
      if (saveFaq && (!faqQuestion || faqQuestion.length > 500)) return ticketCard(t, m, { error: m.askExpert.faqQuestionRequired, draft: text });
      const { doc: answered, changed } = await deps.tickets.change(t.tenantId, t.id, transitions.answer(by, text, saveFaq), t);
      if (!answered || answered.answer?.text !== text) return ticketCard(answered ?? t, m);
      if (changed && saveFaq) await deps.faq.add({ tenantId: t.tenantId, question: faqQuestion, answer: text, lang: t.lang, answeredBy: by.name, ticketId: t.id });
      // The asker gets the answer proactively, in the conversation where they asked: once per ticket, at least once.
      const sent = await deliverAnswer(deps.tickets, answered, () => deps.sendTo(t.askerRef, expertAnswerCard(answered, messages(t.lang))));
      if (sent.outcome === 'failed') throw sent.error;
      if (changed) turnLog(context, deps.log).info({ event: 'expert.ticket.answered', ticketId: t.id, savedAsFaq: saveFaq });
      return ticketCard(sent.outcome === 'gone' ? answered : sent.doc, m);
    }),
  );

  onCardAction(
    app,
    'expert.close',
    withTicket(async (context, t, _data, m) => {
      const by = who(context);
      const closed = await deps.tickets.update(t.tenantId, t.id, transitions.close(by));
      turnLog(context, deps.log).info({ event: 'expert.ticket.closed', ticketId: t.id });
      return ticketCard(closed ?? t, m);
    }),
  );
}
