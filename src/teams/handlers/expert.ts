import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { deliverTicket, type PostTicket } from '../../expert/delivery';
import type { Faq } from '../../expert/faq';
import type { Settings } from '../../expert/settings';
import { type Ticket, TicketConflictError, type Tickets, transitions } from '../../expert/tickets';
import { format, messages, type Messages } from '../../i18n';
import type { Logger } from '../../log';
import type { PlanService } from '../../plan/answer';
import { answerCard } from '../../ui/answerCard';
import { expertAnswerCard, ticketCard } from '../../ui/expertCards';
import { langFor, msgsFor, turnLog } from '../context';
import { conversationRefOf, replyRefOf, tenantOf } from '../replies';
import { onCardAction } from './actions';
import { actorOf } from './actor';
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
}

const askData = z.object({ question: z.string().trim().min(1).max(500) }).passthrough();
const ticketData = z.object({ ticketId: z.string().regex(/^T-[0-9A-F]{6}$/) }).passthrough();
const answerData = ticketData.extend({
  answer: z.string().max(100_000).optional().default(''),
  saveFaq: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
});

/** Ask an expert: a question the plan does not answer becomes a ticket in the coordinators' channel. */
export function registerExpert(app: Application<TurnState>, deps: ExpertDeps): void {
  app.message(EXPERT_CHANNEL_PATTERN, async (context, state) => {
    const lang = langFor(context, state);
    const m = messages(lang);
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
      await context.sendActivity(m.expert.noQuestion);
      return answerCard(deps.plan.answer('', lang), deps.plan.plan, m);
    }
    const question = parsed.data.question;
    const a = context.activity;
    const ticket = await deps.tickets.create({
      tenantId: tenantOf(a) ?? 'none',
      question,
      lang,
      asker: { aadObjectId: a.from.aadObjectId, userId: a.from.id, name: a.from.name ?? a.from.id },
      askerRef: replyRefOf(a),
    });
    const after = await deliverTicket(deps.tickets, ticket, deps.postTicket, turnLog(context, deps.log));
    turnLog(context, deps.log).info({ event: 'expert.ticket.created', ticketId: ticket.id, status: after?.status ?? ticket.status });
    await context.sendActivity(format(after?.status === 'open' ? m.expert.sent : m.expert.queued, { id: ticket.id }));
    // The clicked card stays, with the ticket number in place of the button.
    return answerView(context, deps, question, lang, { expertSent: format(m.expert.sentNote, { id: ticket.id }) });
  });

  const withTicket =
    (handle: (context: TurnContext, t: Ticket, data: Record<string, unknown>, m: Messages) => Promise<Record<string, unknown> | string>) =>
    async (context: TurnContext, state: TurnState, data: Record<string, unknown>) => {
      // The ticket card speaks the language of whoever acts on it.
      const m = msgsFor(context, state);
      const parsed = ticketData.safeParse(data);
      const t = parsed.success ? await deps.tickets.get(tenantOf(context.activity) ?? 'none', parsed.data.ticketId) : undefined;
      if (!t) return m.expert.notFound;
      try {
        return await handle(context, t, data, m);
      } catch (err) {
        if (err instanceof TicketConflictError) return ticketCard((await deps.tickets.get(t.tenantId, t.id)) ?? t, m);
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
      if (t.status === 'answered' || t.status === 'closed') return ticketCard(t, m);
      const by = who(context);
      const saveFaq = parsed.data.saveFaq === true || parsed.data.saveFaq === 'true';
      const answered = await deps.tickets.update(t.tenantId, t.id, transitions.answer(by, text, saveFaq));
      if (!answered || answered.answer?.text !== text) return ticketCard(answered ?? t, m);
      if (saveFaq) await deps.faq.add({ tenantId: t.tenantId, question: t.question, answer: text, lang: t.lang, answeredBy: by.name, ticketId: t.id });
      // The asker gets the answer proactively, in the conversation where they asked.
      await deps.sendTo(t.askerRef, expertAnswerCard(answered, messages(t.lang)));
      turnLog(context, deps.log).info({ event: 'expert.ticket.answered', ticketId: t.id, savedAsFaq: saveFaq });
      return ticketCard(answered, m);
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

