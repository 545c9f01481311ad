import { createHash, randomUUID } from 'node:crypto';
import type { Person } from '../cases/model';
import type { Roles } from '../cases/roles';
import { addDays, isIsoDate } from '../time/date';
import { todayInHelsinki } from '../time/helsinki';
import type { School } from '../forms/registry';
import type { Groups } from '../meetings/repository';
import { helsinkiToUtc } from '../time/helsinki';
import { refuse, type Refused } from '../refusal';
import type { ConversationRef } from '../store/conversationRefs';
import { parseAnswer, type AnswerProblem } from './answers';
import { followUpItem, type SurveyDef } from './definitions';
import type { Audience, Round } from './model';
import type { SurveyRounds } from './repository';
import type { SurveyResults } from './resultsRepository';

/** What the turn-time survey acts need; the background work (sending, closing) is in jobs.ts. */
export interface SurveyDeps {
  rounds: SurveyRounds;
  results: SurveyResults;
  surveys: Map<string, SurveyDef>;
  schools: School[];
  groups: Groups;
  roles: Roles;
  /** Keyed hash (HMAC with the deployment's key) for the "has answered" marks. */
  keyedHash(text: string): string;
  now?: () => Date;
}

export type Actor = Person & { tenantId: string };
export type RoundProblem = { field: 'survey' | 'schools' | 'opensOn' | 'closesOn'; code: 'required' | 'date' | 'past' | 'order' | 'tooLong' | 'noAudience' | 'notCoordinator' };
/** Why an answer was not taken: no such round, the round is not open, the person was not invited (or the ticket is not theirs), they answered already. */
export type AnswerRefusal = 'noRound' | 'roundClosed' | 'notInvited' | 'answeredAlready';
export type AnswerOutcome = { kind: 'saved'; ticket: string; round: Round; changed: boolean } | { kind: 'invalid'; problems: AnswerProblem[]; empty: boolean } | Refused<AnswerRefusal>;

/** Longest round: answers stay personal data until the round closes and they are aggregated. */
export const MAX_ROUND_DAYS = 42;

/** Who a person is for a round: the Entra object id when known (stable across Teams ids), else the Teams id. */
export function personKey(p: { userId: string; aadObjectId?: string }): string {
  return (p.aadObjectId ?? p.userId).toLowerCase();
}

export function invitationId(schoolId: string, p: { userId: string; aadObjectId?: string }): string {
  return `i${createHash('sha256')
    .update(`${schoolId}|${personKey(p)}`)
    .digest('hex')
    .slice(0, 32)}`;
}

export class SurveyService {
  private readonly now: () => Date;

  constructor(private readonly deps: SurveyDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  get surveys(): Map<string, SurveyDef> {
    return this.deps.surveys;
  }

  schoolName(id: string): string {
    return this.deps.schools.find((s) => s.id === id)?.name ?? id;
  }

  /** The "has answered" mark's id: a keyed hash of round, school and person. Without the key it names no one. */
  markId(roundId: string, schoolId: string, p: { userId: string; aadObjectId?: string }): string {
    return `h${this.deps.keyedHash(`survey-answered|${roundId}|${schoolId}|${personKey(p)}`).slice(0, 40)}`;
  }

  /** Schools where the person holds the coordinator role (granted by an admin on the roles card). */
  async coordinatorSchools(actor: Actor): Promise<string[]> {
    return (await this.deps.roles.of(actor.tenantId, actor)).filter((g) => g.role === 'koordinaattori').map((g) => g.schoolId);
  }

  /** Where each school's invitees come from: its survey channel (team) if set, else its communal group's conversation. */
  async audiences(tenantId: string): Promise<Map<string, Audience>> {
    const out = new Map<string, Audience>();
    for (const s of this.deps.schools) {
      const [group] = await this.deps.groups.communalOf(tenantId, s.id);
      if (group) out.set(s.id, { kind: 'group', ref: group.ref, groupId: group.id });
    }
    for (const ch of await this.deps.results.channels(tenantId)) out.set(ch.schoolId, { kind: 'channel', ref: ch.ref });
    return out;
  }

  async setChannel(tenantId: string, schoolId: string, ref: ConversationRef): Promise<void> {
    await this.deps.results.setChannel({ id: `channel-${schoolId}`, tenantId, kind: 'channel', schoolId, ref, setAt: this.now().toISOString() });
  }

  /** Rounds the person may follow: those with at least one school they coordinate. */
  async roundsFor(actor: Actor): Promise<Round[]> {
    const mine = new Set(await this.coordinatorSchools(actor));
    return (await this.deps.rounds.ofTenant(actor.tenantId)).filter((r) => r.schools.some((s) => mine.has(s.schoolId)));
  }

  async roundFor(actor: Actor, roundId: string): Promise<Round | undefined> {
    const round = await this.deps.rounds.getRound(roundId);
    if (!round || round.tenantId !== actor.tenantId) return undefined;
    const mine = new Set(await this.coordinatorSchools(actor));
    return round.schools.some((s) => mine.has(s.schoolId)) ? round : undefined;
  }

  /** A coordinator starts a round: survey, schools, dates (Helsinki). Invitations go out at once, or from 08:00 of a later opening day. */
  async createRound(
    actor: Actor,
    input: { surveyId: string; schoolIds: string[]; opensOn: string; closesOn: string },
    coordinatorRef: ConversationRef,
    lang: Round['lang'],
  ): Promise<Round | RoundProblem[]> {
    const problems: RoundProblem[] = [];
    const def = this.deps.surveys.get(input.surveyId);
    if (!def) problems.push({ field: 'survey', code: 'required' });
    const mine = new Set(await this.coordinatorSchools(actor));
    const audiences = await this.audiences(actor.tenantId);
    if (input.schoolIds.length === 0) problems.push({ field: 'schools', code: 'required' });
    else if (input.schoolIds.some((id) => !mine.has(id))) problems.push({ field: 'schools', code: 'notCoordinator' });
    else if (input.schoolIds.some((id) => !audiences.has(id))) problems.push({ field: 'schools', code: 'noAudience' });
    const today = todayInHelsinki(this.now());
    if (!isIsoDate(input.opensOn)) problems.push({ field: 'opensOn', code: input.opensOn ? 'date' : 'required' });
    else if (input.opensOn < today) problems.push({ field: 'opensOn', code: 'past' });
    if (!isIsoDate(input.closesOn)) problems.push({ field: 'closesOn', code: input.closesOn ? 'date' : 'required' });
    else if (isIsoDate(input.opensOn) && input.closesOn <= input.opensOn) problems.push({ field: 'closesOn', code: 'order' });
    else if (isIsoDate(input.opensOn) && input.closesOn > addDays(input.opensOn, MAX_ROUND_DAYS)) problems.push({ field: 'closesOn', code: 'tooLong' });
    if (problems.length || !def) return problems;

    const previous = (await this.deps.results.ofSurvey(actor.tenantId, def.id)).at(-1);
    const actions = previous ? await this.deps.results.actionsOf(actor.tenantId, previous.roundId) : [];
    const schools = input.schoolIds.map((id) => {
      const s = this.deps.schools.find((x) => x.id === id)!;
      const action = actions.filter((a) => a.schoolIds.includes(id)).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      return {
        schoolId: id,
        name: s.name,
        municipality: s.municipality ?? s.provider,
        audience: audiences.get(id)!,
        invited: 0,
        ...(action ? { followUp: { actionId: action.id, text: action.text } } : {}),
      };
    });
    const remindOn = [addDays(input.opensOn, 1), addDays(input.closesOn, -2)].sort()[1];
    const id = `r${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const round: Round = {
      id,
      roundId: id,
      kind: 'round',
      tenantId: actor.tenantId,
      surveyId: def.id,
      title: `${def.title[lang]} ${input.opensOn.slice(5, 7).replace(/^0/, '')}/${input.opensOn.slice(0, 4)}`,
      createdBy: { userId: actor.userId, ...(actor.aadObjectId ? { aadObjectId: actor.aadObjectId } : {}), name: actor.name },
      coordinatorRef,
      lang,
      schools,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      // Opening today means now (the coordinator just chose it); a later day opens at 08:00 Helsinki time.
      openAt: input.opensOn === today ? this.now().toISOString() : helsinkiToUtc(input.opensOn, '08:00'),
      ...(remindOn <= input.closesOn ? { remindAt: helsinkiToUtc(remindOn, '09:00') } : {}),
      closeAt: helsinkiToUtc(addDays(input.closesOn, 1), '00:00'),
      status: 'scheduled',
      counts: { invited: 0, sent: 0, failed: 0 },
      delivered: [],
      finished: false,
      createdAt: this.now().toISOString(),
    };
    await this.deps.rounds.createRound(round);
    return round;
  }

  /** The coordinator closes a round before its closing date: no answers are taken from now on. */
  async requestClose(actor: Actor, roundId: string): Promise<Round | undefined> {
    if (!(await this.roundFor(actor, roundId))) return undefined;
    const at = this.now().toISOString();
    return this.deps.rounds.updateRound(roundId, (r) => (r.status === 'scheduled' || r.status === 'open' ? { ...r, status: 'closing', closingSince: at } : undefined));
  }

  /** The follow-up question's item for a school of the round, if its group chose an action after the previous round. */
  followUpOf(round: Round, schoolId: string): { actionId: string; text: string } | undefined {
    return round.schools.find((s) => s.schoolId === schoolId)?.followUp;
  }

  /**
   * A respondent's answer: only an invited person, only while the round is open, once (the keyed-hash
   * mark); a change needs the ticket from the respondent's own thank-you card. Nothing about the person
   * is written with the answer; its day is kept, not its time.
   */
  async answer(input: { roundId: string; schoolId: string; person: { userId: string; aadObjectId?: string }; data: Record<string, unknown>; ticket?: string }): Promise<AnswerOutcome> {
    const round = await this.deps.rounds.getRound(input.roundId);
    if (!round) return refuse('noRound');
    if (!this.isOpen(round)) return refuse('roundClosed');
    if (!(await this.deps.rounds.getInvitation(round.roundId, invitationId(input.schoolId, input.person)))) return refuse('notInvited');
    const def = this.deps.surveys.get(round.surveyId)!;
    const fu = this.followUpOf(round, input.schoolId);
    const blank = { fi: '', sv: '', en: '' };
    const parsed = parseAnswer(def, fu ? [followUpItem(blank, blank)] : [], input.data);
    if (!parsed.ok) return { kind: 'invalid', problems: parsed.problems, empty: parsed.empty };
    const mark = this.markId(round.roundId, input.schoolId, input.person);
    const day = todayInHelsinki(this.now());
    if (input.ticket) {
      const existing = /^a[0-9a-f]{32}$/.test(input.ticket) ? await this.deps.rounds.getAnswer(round.roundId, input.ticket) : undefined;
      if (!existing || existing.schoolId !== input.schoolId || !(await this.deps.rounds.hasMark(round.roundId, mark))) return refuse('notInvited');
      await this.deps.rounds.replaceAnswer({ ...existing, values: parsed.values, day });
      return { kind: 'saved', ticket: existing.id, round, changed: true };
    }
    if (!(await this.deps.rounds.createMark(round.roundId, mark))) return refuse('answeredAlready');
    const ticket = `a${randomUUID().replace(/-/g, '')}`;
    try {
      await this.deps.rounds.createAnswer({ id: ticket, roundId: round.roundId, kind: 'answer', schoolId: input.schoolId, values: parsed.values, day });
    } catch (err) {
      await this.deps.rounds.deleteMark(round.roundId, mark); // the person may try again
      throw err;
    }
    // Closing may have started while this answer was written: then it is taken back, not half-counted.
    const after = await this.deps.rounds.getRound(round.roundId);
    if (!after || !this.isOpen(after)) {
      await this.deps.rounds.deleteAnswer(round.roundId, ticket);
      await this.deps.rounds.deleteMark(round.roundId, mark);
      return refuse('roundClosed');
    }
    return { kind: 'saved', ticket, round, changed: false };
  }

  /** The respondent's own answer again, to change it (their ticket and their mark must match). */
  async answerToChange(
    roundId: string,
    schoolId: string,
    person: { userId: string; aadObjectId?: string },
    ticket: string,
  ): Promise<{ round: Round; values: Record<string, number | string> } | undefined> {
    const round = await this.deps.rounds.getRound(roundId);
    if (!round || !this.isOpen(round) || !/^a[0-9a-f]{32}$/.test(ticket)) return undefined;
    const answer = await this.deps.rounds.getAnswer(roundId, ticket);
    if (!answer || answer.schoolId !== schoolId || !(await this.deps.rounds.hasMark(roundId, this.markId(roundId, schoolId, person)))) return undefined;
    return { round, values: answer.values };
  }

  isOpen(r: Round): boolean {
    return r.status === 'open' && this.now().toISOString() < r.closeAt;
  }

  /** A welfare group records the action it chose after a round; the next round of the survey asks whether it helped. */
  async chooseAction(input: { tenantId: string; roundId: string; schoolIds: string[]; groupId: string; text: string; owner: string; followUpOn: string }): Promise<void> {
    const results = await this.deps.results.get(input.tenantId, input.roundId);
    if (!results) return;
    await this.deps.results.putAction({
      id: `action-${input.roundId}-${input.groupId}`,
      tenantId: input.tenantId,
      kind: 'action',
      surveyId: results.surveyId,
      fromRoundId: input.roundId,
      schoolIds: input.schoolIds,
      text: input.text,
      owner: input.owner,
      followUpOn: input.followUpOn,
      groupId: input.groupId,
      createdAt: this.now().toISOString(),
    });
  }
}
