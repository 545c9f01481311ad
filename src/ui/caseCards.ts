import type { AuditEntry } from '../cases/audit';
import { todayInHelsinki } from '../time/helsinki';
import type { CaseDoc, CaseStatus, CaseView, Person } from '../cases/model';
import type { MyCase } from '../cases/service';
import type { RoleGrant } from '../cases/roles';
import type { FormDef, School } from '../forms/registry';
import { format, type Lang, messages, type Messages } from '../i18n';
import { isIsoDate } from '../time/date';
import { formatDayDate, formatInstantDay } from '../time/format';
import { renderCard } from './cards';

/** The card's language, as its catalogue tells it. */
const langOfCatalogue = (m: Messages): Lang => (['fi', 'sv', 'en'] as const).find((l) => messages(l) === m) ?? 'fi';
/** A date with its weekday in the card's language ('Wed 18.3.2026'). */
const dayOf = (iso: string, m: Messages): string => formatDayDate(iso, langOfCatalogue(m));

/** The OHL 15 § deadline line: the last day, the day the count started from, and where to turn in a school break. */
function dueText(c: CaseDoc, m: Messages): string {
  if (!c.due) return '';
  const date = dayOf(c.due.date, m);
  const closed = c.due.schoolClosed;
  return [
    c.due.basis === 'working' ? format(m.deadline.urgentDue, { date }) : format(m.cases.dueText, { date, days: c.due.workingDays }),
    format(m.deadline.countedFrom, { date: dayOf(c.requestedOn, m) }),
    ...(c.due.calendarCovered ? [] : [m.cases.calendarNotCovered]),
    ...(closed === undefined ? [] : [closed ? format(m.deadline.schoolClosedNamed, { name: closed }) : m.deadline.schoolClosed]),
  ].join(' ');
}

/** A request date so old that the deadline had passed on the day the case was filed. */
function passedText(c: CaseDoc, m: Messages): string {
  return c.due && c.due.date < todayInHelsinki(new Date(c.createdAt)) ? format(m.deadline.passed, { date: dayOf(c.due.date, m) }) : '';
}

/** Routing facts only: safe in a channel (no pupil data). */
function routingFacts(c: CaseDoc, schools: Map<string, School>, m: Messages) {
  return [
    { title: m.cases.facts.school, value: schools.get(c.schoolId)?.name ?? c.schoolId },
    { title: m.cases.facts.service, value: m.cases.services[c.service] },
    { title: m.cases.facts.urgency, value: c.urgent ? m.cases.urgency.urgent : m.cases.urgency.normal },
    ...(c.due ? [{ title: m.cases.facts.due, value: dayOf(c.due.date, m) }] : []),
  ];
}

/** Where the school channel's notice of a case is, as the submitter may be told (never "sent" before it was). */
export type NoticeState = 'sent' | 'sending' | 'failed' | 'noChannel';

/**
 * What the submitter sees in place of the form: a read-only summary with the case number. In their personal
 * chat it may show what they typed themselves about the pupil (`pupil`: initials and class) — never elsewhere.
 */
export function caseSummaryCard(
  c: CaseDoc,
  form: FormDef,
  lang: Lang,
  m: Messages,
  opts: { duplicate: boolean; notice: NoticeState; schools: Map<string, School>; pupil?: string },
): Record<string, unknown> {
  const noticeNote = { sent: undefined, sending: m.caseNotice.sending, failed: m.caseNotice.failed, noChannel: m.cases.noChannel }[opts.notice];
  const notes = [opts.duplicate ? m.cases.alreadySubmitted : m.cases.summaryNote, ...(noticeNote ? [noticeNote] : []), ...(opts.pupil ? [m.myCases.hint] : [])];
  return renderCard('case-summary', {
    headline: m.cases.submitted,
    number: c.number ?? '',
    title: form.title[lang],
    facts: [...(opts.pupil ? [{ title: m.myCases.pupil, value: opts.pupil }] : []), ...routingFacts(c, opts.schools, m), { title: m.cases.facts.status, value: m.cases.status[c.status] }],
    dueText: [passedText(c, m), dueText(c, m)].filter(Boolean).join(' '),
    note: notes.join(' '),
  });
}

/** The channel's notice: case number, school, service, urgency, due date — and no pupil data. */
export function caseNoticeCard(c: CaseDoc, m: Messages, schools: Map<string, School>, viewerIds: string[], noAccess = ''): Record<string, unknown> {
  return renderCard('case-notice', {
    headline: format(m.cases.noticeHeadline, { number: c.number ?? '' }),
    facts: routingFacts(c, schools, m),
    note: m.cases.noticeNote,
    noAccess,
    caseId: c.id,
    schoolId: c.schoolId,
    viewerIds,
    labels: { open: m.cases.open },
  });
}

/** The notice for someone who may not see the details. */
export function caseRedactedCard(c: CaseDoc, m: Messages, schools: Map<string, School>, viewerIds: string[]): Record<string, unknown> {
  return caseNoticeCard(c, m, schools, viewerIds, m.cases.noAccess);
}

export interface DetailsOptions {
  schools: Map<string, School>;
  canHandle: boolean;
  isAdmin: boolean;
  viewerIds: string[];
  today: string;
  /** The reader is the assignee: they may hand the case over. */
  canHandOver?: boolean;
  /** Opened from the reader's own list: a way back to it. */
  backToMine?: boolean;
  /** The case's audit trail, for an admin who asked for it. */
  audit?: AuditEntry[];
  /** What the reader just did (a handover), said first. */
  notice?: string;
}

/** An authorized reader's facts: the routing facts, the request day, who started the case and who holds it. */
function detailFacts(v: CaseView, schools: Map<string, School>, m: Messages): { title: string; value: string }[] {
  return [
    ...routingFacts(v as unknown as CaseDoc, schools, m),
    { title: m.cases.facts.requested, value: dayOf(v.requestedOn, m) },
    { title: m.cases.facts.initiator, value: v.initiator.name },
    ...(v.assignee ? [{ title: m.cases.facts.assignee, value: v.assignee.name }] : []),
  ];
}

/** What the form's fields hold, as the reader's language writes them (the routing fields are in routingFacts). */
function valueFacts(v: CaseView, form: FormDef | undefined, lang: Lang): { title: string; value: string }[] {
  const texts: { title: string; value: string }[] = [];
  for (const f of form?.fields ?? []) {
    const raw = v.values[f.id];
    if (raw === undefined || raw === '' || f.id === 'school' || f.id === 'urgency' || f.id === 'target') continue;
    const value =
      f.kind === 'toggle'
        ? raw === true
          ? '✓'
          : '–'
        : f.choices
          ? String(raw)
              .split(',')
              .map((x) => f.choices!.find((c) => c.value === x)?.title[lang] ?? x)
              .join(', ')
          : f.kind === 'date' && isIsoDate(raw)
            ? formatDayDate(raw, lang)
            : String(raw);
    texts.push({ title: f.label[lang], value });
  }
  return texts;
}

/** One line of a matter's history: the day and what happened, in the reader's language. */
function historyLine(h: CaseDoc['history'][number], m: Messages): string {
  const e = m.cases.events;
  const status = h.to && h.to in m.cases.status ? m.cases.status[h.to as CaseStatus] : (h.to ?? '');
  const what = h.action === 'created' ? e.created : h.action === 'status' ? format(e.status, { status }) : h.action === 'assigned' ? e.assigned : h.action === 'handed-over' ? e.handedOver : h.action;
  // The day in Helsinki, as every other day on the card (an event at 23:30 local time is stored as the day before in UTC).
  return `${formatInstantDay(h.at, langOfCatalogue(m))} · ${what}`;
}

/** The details, for an authorized reader only: an invoke response or their personal chat, never a shared message. */
export function caseDetailsCard(v: CaseView, form: FormDef | undefined, lang: Lang, m: Messages, opts: DetailsOptions): Record<string, unknown> {
  const facts = detailFacts(v, opts.schools, m);
  const texts = valueFacts(v, form, lang);
  const next = v.status === 'vireilla' ? { title: m.cases.start, to: 'kasittelyssa' } : v.status === 'kasittelyssa' ? { title: m.cases.close, to: 'paattynyt' } : undefined;
  const buttons = [
    ...(opts.canHandle && !v.assignee ? [{ title: m.cases.assignSelf, verb: 'case.assign', to: '' }] : []),
    ...(opts.canHandle && next ? [{ title: next.title, verb: 'case.status', to: next.to }] : []),
    ...(opts.canHandOver ? [{ title: m.handover.button, verb: 'case.handover', to: '' }] : []),
    ...(opts.isAdmin ? [{ title: m.cases.auditButton, verb: 'case.audit', to: '' }] : []),
    ...(opts.backToMine ? [{ title: m.myCases.back, verb: 'cases.mine', to: '' }] : []),
  ];
  const overdue = v.due && v.status !== 'paattynyt' && v.due.date < opts.today ? format(m.cases.overdue, { date: dayOf(v.due.date, m) }) : '';
  return renderCard('case-details', {
    number: v.number ?? '',
    statusText: m.cases.status[v.status],
    title: form?.title[lang] ?? v.formId,
    overdue,
    facts,
    texts,
    note: [opts.notice, dueText(v as unknown as CaseDoc, m), m.cases.detailsNote].filter(Boolean).join(' '),
    buttons,
    caseId: v.id,
    schoolId: v.schoolId,
    viewerIds: opts.viewerIds,
    labels: { refresh: m.cases.refresh },
    auditTitle: format(m.cases.auditTitle, { number: v.number ?? v.id }),
    audit: (opts.audit ?? []).map((e) => ({ text: auditLine(e) })),
  });
}

/** Choosing who takes the case over (the assignee only); `people` are the other holders of the same role. */
export function caseHandoverCard(c: CaseDoc, people: Person[], m: Messages): Record<string, unknown> {
  return renderCard('case-handover', {
    title: format(m.handover.title, { number: c.number ?? '' }),
    intro: m.handover.intro,
    none: m.handover.none,
    people: people.map((p) => ({ id: p.userId, name: p.name })),
    caseId: c.id,
    schoolId: c.schoolId,
    labels: { person: m.handover.label, required: m.handover.required, confirm: m.handover.confirm, cancel: m.handover.cancel },
  });
}

/** `omat asiat`: the reader's own cases with status and deadline; the pupil's initials only on those they started. */
export function myCasesCard(items: MyCase[], forms: Map<string, FormDef>, lang: Lang, m: Messages, schools: Map<string, School>): Record<string, unknown> {
  return renderCard('cases-mine', {
    title: m.myCases.title,
    intro: m.myCases.intro,
    none: m.myCases.none,
    items: items.map(({ case: c, started, pupil }) => ({
      headline: `${c.number ?? ''} · ${forms.get(c.formId)?.title[lang] ?? c.formId}`,
      facts: [
        ...(pupil ? [{ title: m.myCases.pupil, value: pupil }] : []),
        { title: m.cases.facts.status, value: `${m.cases.status[c.status]} · ${started ? m.myCases.started : m.myCases.assigned}` },
        ...routingFacts(c, schools, m),
      ],
      caseId: c.id,
      schoolId: c.schoolId,
    })),
    labels: { open: m.myCases.open },
  });
}

export function schoolChannelCard(schools: School[], m: Messages): Record<string, unknown> {
  return renderCard('school-channel', {
    title: m.cases.channelChoose,
    label: m.forms.choose,
    required: m.forms.problems.required,
    button: m.cases.setChannelButton,
    schools: schools.map((s) => ({ title: s.name, value: s.id })),
  });
}

export function rolesCard(grants: RoleGrant[], schools: School[], members: { id: string; name: string }[], lang: Lang, m: Messages, notice = ''): Record<string, unknown> {
  const schoolName = (id: string) => schools.find((s) => s.id === id)?.name ?? id;
  return renderCard('roles', {
    title: m.cases.rolesTitle,
    intro: m.cases.rolesIntro,
    notice,
    none: grants.length ? '' : m.cases.rolesNone,
    grants: grants.map((g) => ({
      text: `${schoolName(g.schoolId)} · ${m.cases.roleNames[g.role]} · ${g.user.name}`,
      id: g.id,
      remove: m.cases.removeRole,
      schoolId: g.schoolId,
      role: g.role,
      userId: g.user.userId,
    })),
    labels: { school: m.cases.facts.school, role: m.cases.roleLabel, person: m.cases.personLabel, add: m.cases.addRole, required: m.forms.problems.required, choose: m.forms.choose },
    schools: schools.map((s) => ({ title: s.name, value: s.id })),
    roles: Object.entries(m.cases.roleNames).map(([value, title]) => ({ title, value })),
    members: members.map((p) => ({ title: p.name, value: p.id })),
    lang,
  });
}

export function gdprCard(m: Messages, result?: { views: CaseView[]; forms: Map<string, FormDef>; lang: Lang; schools: Map<string, School> }): Record<string, unknown> {
  // Each matter as its details card shows it — the facts, every field filled in, and its history — not raw stored data.
  const items = (result?.views ?? []).map((v) => ({
    title: `${v.number ?? v.id} · ${result!.forms.get(v.formId)?.title[result!.lang] ?? v.formId}`,
    facts: [...detailFacts(v, result!.schools, m), { title: m.cases.facts.status, value: m.cases.status[v.status] }, ...valueFacts(v, result!.forms.get(v.formId), result!.lang)],
    historyTitle: m.cases.gdprHistory,
    history: v.history.map((h) => ({ text: historyLine(h, m) })),
  }));
  return renderCard('gdpr', {
    title: m.cases.gdprTitle,
    intro: m.cases.gdprIntro,
    labels: { name: m.cases.gdprPupilName, class: m.cases.gdprPupilClass, search: m.cases.gdprSearch, required: m.forms.problems.required },
    summary: result ? (items.length ? format(m.cases.gdprResult, { count: items.length }) : m.cases.gdprNone) : '',
    items,
  });
}

/** The reminder sent to the handler of an overdue case, in their own language (no pupil data). */
export function overdueReminderText(c: Pick<CaseDoc, 'number' | 'due'>, m: Messages): string {
  return format(m.cases.overdueReminder, { number: c.number ?? '', date: c.due ? dayOf(c.due.date, m) : '' });
}

function auditLine(e: AuditEntry): string {
  return `${e.at.slice(0, 19).replace('T', ' ')} · ${e.action}${e.detail ? ` (${e.detail})` : ''} · ${e.by}${e.conversationId ? ` · ${e.conversationId.slice(0, 24)}` : ''}`;
}
