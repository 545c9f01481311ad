import { createHash } from 'node:crypto';
import type { FormDef, School, Service } from '../forms/registry';
import { SCHOOL_FIELD } from '../forms/registry';
import type { ConversationRef } from '../store/conversationRefs';
import type { KeyRing } from '../store/crypto';
import { refuse, type Refused } from '../refusal';
import { DELIVERY_LEASE_MS, deliverOnce, type DeliveryResult } from '../store/delivery';
import { canHandle, canRead, same, SERVICE_ROLES, viewers } from './access';
import type { AuditLog } from './audit';
import type { SchoolCalendar } from '../time/schoolDays';
import { todayInHelsinki } from '../time/helsinki';
import { dueDate } from './deadline';
import { type CaseDoc, type CaseStatus, type CaseView, type Person, STATUS_FLOW } from './model';
import { caseIdFor, type Cases } from './repository';
import type { Role, RoleGrant, Roles } from './roles';

/** Routing values kept in clear; everything else about the pupil is encrypted. */
const CLEAR_FIELDS = new Set([SCHOOL_FIELD, 'urgency', 'target']);
/** A notice or overdue reminder that keeps failing (429, 5xx) is given up after this many tries. */
const MAX_SEND_ATTEMPTS = 5;
/** A notice not sent this long after its case was created is taken up by the background retry. */
const NOTICE_RETRY_AFTER_MS = 60_000;
/** The case's delivery slot for the note to its new assignee (one at a time: a new handover makes it due again). */
const HANDOVER_SLOT = 'handover';

export interface Actor extends Person {
  tenantId: string;
  conversationId: string;
}

/** One line of a person's own list: the case, whether they started it, and what they typed about the pupil. */
export interface MyCase {
  case: CaseDoc;
  started: boolean;
  /** The pupil's initials and class, only for the initiator (what they typed themselves). */
  pupil?: string;
}

/** The longest own list shown at once: open cases first, nearest deadline first. */
export const MY_CASES_MAX = 20;

/** A pupil shortened to what identifies them for the person who referred them: "M. M., 5B". */
export function pupilLabel(values: Record<string, unknown>): string | undefined {
  const name = typeof values.pupilName === 'string' ? values.pupilName : '';
  const initials = name
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((part) => `${[...part][0].toUpperCase()}.`)
    .join(' ');
  const cls = typeof values.pupilClass === 'string' ? values.pupilClass.trim() : '';
  return [initials, cls].filter(Boolean).join(', ') || undefined;
}

/** Why a case action was not done: the actor does not handle the case, is not its assignee, or chose someone who may not take it over. */
export type CaseRefusal = 'notHandler' | 'notAssignee' | 'notCandidate';

/** How a handler is reached about an overdue case; the Teams layer implements it (teams/outbound.ts). */
export interface OverdueNotify {
  /** The person's personal chats with Opari. */
  personalChats(tenantId: string, aadObjectId: string): Promise<ConversationRef[]>;
  /** Sends the reminder of `c` to one of them, in that chat's language and with no pupil data; throws if it failed. */
  remind(ref: ConversationRef, c: CaseDoc): Promise<string | undefined>;
}

export type OpenResult = { allowed: true; view: CaseView; canHandle: boolean } | { allowed: false; case: CaseDoc };

/** Individual student welfare cases: submit, read (audited), handle, export and delete. */
export class CaseService {
  constructor(
    private readonly cases: Cases,
    private readonly audit: AuditLog,
    readonly roles: Roles,
    private readonly keys: KeyRing,
    readonly schools: Map<string, School>,
    private readonly calendars: Map<string, SchoolCalendar>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  serviceOf(form: FormDef, values: Record<string, unknown>): Service {
    return typeof form.service === 'object' ? (values[form.service.field] as Service) : (form.service ?? 'rehtori');
  }

  /**
   * Creates the case once per idempotency key; the pupil's data is encrypted before it is stored. With
   * `notice`, the case carries its school channel's notice as pending, for `deliverNotice` (or its retry).
   */
  async submit(form: FormDef, values: Record<string, unknown>, actor: Actor, idempotencyKey: string, opts: { notice?: boolean } = {}): Promise<{ case: CaseDoc; duplicate: boolean }> {
    const schoolId = String(values[SCHOOL_FIELD]);
    const service = this.serviceOf(form, values);
    const urgent = values.urgency === 'urgent';
    const now = this.now();
    // OHL 15 §: the count starts from the day the pupil or guardian asked; the form says when (default today).
    const requestedOn = typeof values.requestedOn === 'string' && values.requestedOn !== '' ? values.requestedOn : todayInHelsinki(now);
    const school = this.schools.get(schoolId);
    // OHL 15 §: the deadline applies to requests to see the kuraattori or the psychologist.
    const due =
      service === 'kuraattori' || service === 'psykologi'
        ? (({ due: date, workingDays, basis, calendarCovered, schoolClosed }) => ({ date, workingDays, basis, calendarCovered, ...(schoolClosed !== undefined ? { schoolClosed } : {}) }))(
            dueDate({ requestedOn, urgent, calendar: school ? this.calendars.get(school.provider) : undefined }),
          )
        : undefined;
    const secretValues = Object.fromEntries(Object.entries(values).filter(([k]) => !CLEAR_FIELDS.has(k) && k !== 'requestedOn'));
    const identity = `${String(values.pupilName ?? '')}|${String(values.pupilClass ?? '')}`;
    const doc: Omit<CaseDoc, 'number'> = {
      id: caseIdFor(idempotencyKey),
      tenantId: actor.tenantId,
      schoolId,
      formId: form.id,
      service,
      urgent,
      status: 'vireilla',
      history: [{ at: now.toISOString(), by: actor.aadObjectId ?? actor.userId, action: 'created', to: 'vireilla' }],
      initiator: { userId: actor.userId, aadObjectId: actor.aadObjectId, name: actor.name },
      requestedOn,
      ...(due ? { due } : {}),
      fields: Object.fromEntries(Object.entries(values).filter(([k]) => CLEAR_FIELDS.has(k))),
      secret: this.keys.encrypt(JSON.stringify(secretValues)),
      pupilKey: this.keys.lookupHash(identity),
      submittedIn: actor.conversationId,
      createdAt: now.toISOString(),
      ...(opts.notice ? { deliveries: { notice: { state: 'pending' as const, attempts: 0 } } } : {}),
    };
    // The case number's year is the year it was filed, whatever day the pupil asked.
    const result = await this.cases.create(doc, Number(todayInHelsinki(now).slice(0, 4)));
    await this.audit.record({
      caseId: result.case.id,
      caseNumber: result.case.number,
      action: result.duplicate ? 'duplicate-submit' : 'created',
      by: actor.aadObjectId ?? actor.userId,
      conversationId: actor.conversationId,
    });
    return result;
  }

  decrypt(c: CaseDoc): CaseView {
    const { secret, ...rest } = c;
    return { ...rest, values: { ...c.fields, ...(JSON.parse(this.keys.decrypt(secret)) as Record<string, unknown>) } };
  }

  async grantsOf(actor: Actor): Promise<RoleGrant[]> {
    return this.roles.of(actor.tenantId, actor);
  }

  /** A read of a case: details for those who may see them, audited either way. */
  async open(schoolId: string, caseId: string, actor: Actor): Promise<OpenResult | undefined> {
    const c = await this.cases.get(schoolId, caseId);
    if (!c || c.tenantId !== actor.tenantId) return undefined;
    const grants = await this.grantsOf(actor);
    const allowed = canRead(c, actor, grants);
    await this.audit.record({ caseId: c.id, caseNumber: c.number, action: allowed ? 'read' : 'denied', by: actor.aadObjectId ?? actor.userId, conversationId: actor.conversationId });
    return allowed ? { allowed: true, view: this.decrypt(c), canHandle: canHandle(c, actor, grants) } : { allowed: false, case: c };
  }

  /** Status moves forward one step at a time (vireillä → käsittelyssä → päättynyt), by a handler. */
  async setStatus(schoolId: string, caseId: string, to: CaseStatus, actor: Actor): Promise<CaseDoc | Refused<CaseRefusal> | undefined> {
    const c = await this.cases.get(schoolId, caseId);
    if (!c || c.tenantId !== actor.tenantId) return undefined;
    if (!canHandle(c, actor, await this.grantsOf(actor))) return refuse('notHandler');
    const updated = await this.cases.update(schoolId, caseId, (x) =>
      STATUS_FLOW.indexOf(to) !== STATUS_FLOW.indexOf(x.status) + 1
        ? undefined
        : { ...x, status: to, history: [...x.history, { at: this.now().toISOString(), by: actor.aadObjectId ?? actor.userId, action: 'status', to }] },
    );
    await this.audit.record({ caseId, caseNumber: c.number, action: 'status', by: actor.aadObjectId ?? actor.userId, conversationId: actor.conversationId, detail: to });
    return updated;
  }

  /** The acting handler takes responsibility for the case. */
  async assignToSelf(schoolId: string, caseId: string, actor: Actor): Promise<CaseDoc | Refused<CaseRefusal> | undefined> {
    const c = await this.cases.get(schoolId, caseId);
    if (!c || c.tenantId !== actor.tenantId) return undefined;
    if (!canHandle(c, actor, await this.grantsOf(actor))) return refuse('notHandler');
    const me: Person = { userId: actor.userId, aadObjectId: actor.aadObjectId, name: actor.name };
    const updated = await this.cases.update(schoolId, caseId, (x) => ({
      ...x,
      assignee: me,
      history: [...x.history, { at: this.now().toISOString(), by: actor.aadObjectId ?? actor.userId, action: 'assigned' }],
    }));
    await this.audit.record({ caseId, caseNumber: c.number, action: 'assigned', by: actor.aadObjectId ?? actor.userId, conversationId: actor.conversationId });
    return updated;
  }

  /**
   * The person's own cases: started by them or assigned to them. For the cases they started, what they
   * typed about the pupil (initials and class) is read back — decrypted, so audited as a listing.
   */
  async mine(actor: Actor): Promise<MyCase[]> {
    const rank = (c: CaseDoc) => `${c.status === 'paattynyt' ? 1 : 0}${c.due?.date ?? '9999'}`;
    const found = (await this.cases.involving(actor.tenantId, actor)).sort((a, b) => rank(a).localeCompare(rank(b)) || b.createdAt.localeCompare(a.createdAt)).slice(0, MY_CASES_MAX);
    const out: MyCase[] = [];
    for (const c of found) {
      const started = same(c.initiator, actor);
      if (started) await this.audit.record({ caseId: c.id, caseNumber: c.number, action: 'listed', by: actor.aadObjectId ?? actor.userId, conversationId: actor.conversationId });
      out.push({ case: c, started, ...(started ? { pupil: pupilLabel(this.decrypt(c).values) } : {}) });
    }
    return out;
  }

  /** Who may take a case over from its assignee: the other holders of the assignee's role for it at the school. */
  async handOverCandidates(c: CaseDoc): Promise<Person[]> {
    const holders = await this.roles.holders(c.tenantId, c.schoolId, SERVICE_ROLES[c.service]);
    const assigneeRoles = c.assignee ? holders.filter((h) => same(h.user, c.assignee!)).map((h) => h.role) : [];
    const roles = assigneeRoles.length ? assigneeRoles : SERVICE_ROLES[c.service];
    const people = holders.filter((h) => roles.includes(h.role) && !(c.assignee && same(h.user, c.assignee))).map((h) => h.user);
    return [...new Map(people.map((p) => [p.userId, p])).values()];
  }

  /** The case and who may take it over, for its assignee only (no pupil data: nothing to audit). */
  async handOverChoices(schoolId: string, caseId: string, actor: Actor): Promise<{ case: CaseDoc; people: Person[] } | Refused<CaseRefusal> | undefined> {
    const c = await this.cases.get(schoolId, caseId);
    if (!c || c.tenantId !== actor.tenantId) return undefined;
    if (!c.assignee || !same(c.assignee, actor)) return refuse('notAssignee');
    return { case: c, people: await this.handOverCandidates(c) };
  }

  /** The assignee hands the case to another holder of the same role at the school; audited. */
  async handOver(schoolId: string, caseId: string, toUserId: string, actor: Actor): Promise<{ case: CaseDoc; to: Person } | Refused<CaseRefusal> | undefined> {
    const c = await this.cases.get(schoolId, caseId);
    if (!c || c.tenantId !== actor.tenantId) return undefined;
    if (!c.assignee || !same(c.assignee, actor)) return refuse('notAssignee');
    const to = (await this.handOverCandidates(c)).find((p) => p.userId === toUserId);
    if (!to) return refuse('notCandidate');
    const by = actor.aadObjectId ?? actor.userId;
    const at = this.now().toISOString();
    const from: Person = { userId: actor.userId, name: actor.name, ...(actor.aadObjectId ? { aadObjectId: actor.aadObjectId } : {}) };
    // The note to the new assignee is due with the handover itself (one write): sent by the handler, else by the retry sweep.
    const updated = await this.cases.update(schoolId, caseId, (x) =>
      x.assignee && same(x.assignee, actor)
        ? {
            ...x,
            assignee: to,
            handedOverBy: from,
            history: [...x.history, { at, by, action: 'handed-over', to: to.aadObjectId ?? to.userId }],
            deliveries: { ...x.deliveries, [HANDOVER_SLOT]: { state: 'pending', attempts: 0, since: at } },
          }
        : undefined,
    );
    if (!updated?.assignee || !same(updated.assignee, to)) return refuse('notAssignee');
    await this.audit.record({ caseId, caseNumber: c.number, action: 'handed-over', by, conversationId: actor.conversationId, detail: to.aadObjectId ?? to.userId });
    return { case: updated, to };
  }

  /** Teams user ids allowed to see the details in the channel notification (refresh.userIds). */
  async viewerIds(c: Pick<CaseDoc, 'initiator' | 'assignee' | 'tenantId' | 'schoolId' | 'service'>): Promise<string[]> {
    return viewers(c, await this.roles.holders(c.tenantId, c.schoolId, SERVICE_ROLES[c.service]));
  }

  /** GDPR access request: everything stored about one pupil, decrypted, with the export audited per case. */
  async exportPupil(pupilName: string, pupilClass: string, actor: Actor): Promise<CaseView[]> {
    const found = await this.cases.byPupil(actor.tenantId, this.keys.lookupHashes(`${pupilName}|${pupilClass}`));
    for (const c of found) await this.audit.record({ caseId: c.id, caseNumber: c.number, action: 'exported', by: actor.aadObjectId ?? actor.userId, conversationId: actor.conversationId });
    return found.map((c) => this.decrypt(c));
  }

  async findByNumber(number: string, actor: Actor): Promise<CaseDoc | undefined> {
    return this.cases.byNumber(actor.tenantId, number.toUpperCase());
  }

  /** Deletes a case; its audit trail stays, with the deletion as its last entry. */
  async deleteCase(c: CaseDoc, actor: Actor): Promise<boolean> {
    const deleted = await this.cases.delete(c.schoolId, c.id);
    if (deleted) await this.audit.record({ caseId: c.id, caseNumber: c.number, action: 'deleted', by: actor.aadObjectId ?? actor.userId, conversationId: actor.conversationId });
    return deleted;
  }

  /** Grants a role at a school (granting twice is granting once); audited, as the grant decides who reads which cases. */
  async grantRole(actor: Actor, schoolId: string, role: Role, user: Person): Promise<void> {
    const by = actor.aadObjectId ?? actor.userId;
    await this.roles.grant(actor.tenantId, schoolId, role, user, by);
    await this.audit.record({ action: 'role-granted', by, conversationId: actor.conversationId, detail: `${schoolId}:${role}:${user.aadObjectId ?? user.userId}` });
  }

  /** Revokes a grant; audited when there was one to revoke. */
  async revokeRole(actor: Actor, grant: RoleGrant): Promise<void> {
    const revoked = await this.roles.revoke(actor.tenantId, grant.schoolId, grant.role, grant.user);
    const detail = `${grant.schoolId}:${grant.role}:${grant.user.aadObjectId ?? grant.user.userId}`;
    if (revoked) await this.audit.record({ action: 'role-revoked', by: actor.aadObjectId ?? actor.userId, conversationId: actor.conversationId, detail });
  }

  trail(caseId: string) {
    return this.audit.trail(caseId);
  }

  /** Sends the case's notice to its school's channel at least once, recorded on the case (store/delivery.ts). */
  deliverNotice(c: CaseDoc, send: () => Promise<string | undefined>): Promise<DeliveryResult<CaseDoc>> {
    return deliverOnce(c, 'notice', (change, known) => this.cases.change(c.schoolId, c.id, change, known), send, { leaseMs: DELIVERY_LEASE_MS, now: this.now });
  }

  /** Tells the case's assignee that it was handed to them, at least once, recorded on the case (store/delivery.ts). */
  deliverHandover(c: CaseDoc, send: () => Promise<string | undefined>): Promise<DeliveryResult<CaseDoc>> {
    return deliverOnce(c, HANDOVER_SLOT, (change, known) => this.cases.change(c.schoolId, c.id, change, known), send, { leaseMs: DELIVERY_LEASE_MS, now: this.now });
  }

  /** Handovers whose note to the new assignee is still not sent a minute later (a failed send, no chat yet, an instance that died). */
  unheardHandovers(): Promise<CaseDoc[]> {
    return this.cases.unheardHandovers(new Date(this.now().getTime() - NOTICE_RETRY_AFTER_MS).toISOString(), MAX_SEND_ATTEMPTS);
  }

  /** Notices still not sent a minute after their case was created: a failed post, or an instance that died. */
  unnoticed(): Promise<CaseDoc[]> {
    return this.cases.unnoticed(new Date(this.now().getTime() - NOTICE_RETRY_AFTER_MS).toISOString(), MAX_SEND_ATTEMPTS);
  }

  /**
   * Reminds the handlers of every open case past its OHL 15 § date — the assignee, or else the school's
   * kuraattori and psychologist — in their personal chats with Opari. One delivery per conversation, recorded
   * on the case (store/delivery.ts): instances running this at once, or one taking over from an instance that
   * died, skip what is recorded, so each is reminded at least once and once unless an instance dies between a
   * send and its record. When every delivery is done the case is marked reminded (audited once); a send that
   * failed for a reason that may pass (429, 5xx) is tried again at the next pass, up to MAX_SEND_ATTEMPTS.
   */
  async remindOverdue(notify: OverdueNotify): Promise<{ caseId: string; sent: number; failed: number; done: boolean }[]> {
    const out: { caseId: string; sent: number; failed: number; done: boolean }[] = [];
    for (let c of await this.cases.overdue(todayInHelsinki(this.now()))) {
      const holders = c.assignee ? [c.assignee] : (await this.roles.holders(c.tenantId, c.schoolId, ['kuraattori', 'psykologi'])).map((g) => g.user);
      const refs = (await Promise.all(holders.filter((p) => p.aadObjectId).map((p) => notify.personalChats(c.tenantId, p.aadObjectId!)))).flat();
      let sent = 0;
      let failed = 0;
      let done = true;
      for (const ref of refs) {
        const slot = `overdue:${createHash('sha256').update(ref.conversationId).digest('hex').slice(0, 16)}`;
        const r = await deliverOnce(
          c,
          slot,
          (change, known) => this.cases.change(c.schoolId, c.id, change, known),
          () => notify.remind(ref, c),
          { leaseMs: DELIVERY_LEASE_MS, now: this.now },
        );
        if (r.outcome === 'gone') break;
        c = r.doc;
        if (r.outcome === 'sent') sent++;
        if (r.outcome === 'busy') done = false;
        if (r.outcome === 'failed') {
          failed++;
          const status = (r.error as { statusCode?: number })?.statusCode;
          const lasting = status === 403 || status === 404 || (c.deliveries?.[slot]?.attempts ?? 0) >= MAX_SEND_ATTEMPTS;
          if (!lasting) done = false;
        }
      }
      if (done) {
        const marked = await this.cases.change(c.schoolId, c.id, (x) => (x.overdueRemindedAt ? undefined : { ...x, overdueRemindedAt: this.now().toISOString() }), c);
        if (marked.changed) await this.audit.record({ caseId: c.id, caseNumber: c.number, action: 'reminded', by: 'opari' });
      }
      out.push({ caseId: c.id, sent, failed, done });
    }
    return out;
  }
}
