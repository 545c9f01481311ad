import type { School } from '../forms/registry';
import { format, type Lang, type Messages } from '../i18n';
import type { Group, Meeting } from '../meetings/model';
import { GROUP_TYPES } from '../meetings/model';
import { utcToHelsinki } from '../meetings/schedule';
import { formatDayDate, formatInstantDay, formatTime } from '../time/format';
import { holidayName } from '../time/holidays';
import { renderCard } from './cards';

/** "to 3.12.2026 klo 14.30–15.30", in Helsinki time whatever the server's zone. */
export function meetingWhen(m: Pick<Meeting, 'startUtc' | 'endUtc'>, lang: Lang): string {
  const s = utcToHelsinki(m.startUtc);
  const e = utcToHelsinki(m.endUtc);
  const at = lang === 'fi' ? 'klo ' : lang === 'sv' ? 'kl. ' : '';
  return `${formatDayDate(s.date, lang)} ${at}${formatTime(s.time, lang)}–${formatTime(e.time, lang)}`;
}

export function groupCreateCard(schools: School[], lang: Lang, m: Messages, state: { name?: string; error?: string } = {}): Record<string, unknown> {
  return renderCard('group-create', {
    title: m.meetings.groupTitle,
    intro: m.meetings.groupIntro,
    name: state.name ?? '',
    error: state.error ?? '',
    types: GROUP_TYPES.map((value) => ({ title: m.meetings.groupTypes[value], value })),
    schools: schools.map((s) => ({ title: s.name, value: s.id })),
    labels: { type: m.meetings.groupType, name: m.meetings.groupName, school: m.meetings.groupSchool, create: m.meetings.create, required: m.forms.problems.required, choose: m.forms.choose },
    lang,
  });
}

/** The agenda card (posted once, updated in place), or the reminder with the same agenda and RSVP buttons. */
export function agendaCard(meeting: Meeting, group: Group, lang: Lang, m: Messages, opts: { reminder?: boolean } = {}): Record<string, unknown> {
  const when = meetingWhen(meeting, lang);
  const answers = Object.values(meeting.rsvps);
  const cancelled = meeting.status === 'cancelled';
  const items = meeting.agenda
    .filter((i) => !opts.reminder || i.status === 'accepted')
    .map((i, n) => ({
      text: `${n + 1}. ${i.title}${i.status === 'proposed' ? ` (${m.meetings.proposed}, ${i.proposedBy})` : i.status === 'rejected' ? ` (${m.meetings.rejected})` : ''}`,
      muted: i.status === 'rejected',
      itemId: i.id,
      actions:
        opts.reminder || cancelled
          ? []
          : [
              ...(i.status === 'proposed'
                ? [
                    { title: m.meetings.accept, action: 'accept', itemId: i.id },
                    { title: m.meetings.reject, action: 'reject', itemId: i.id },
                  ]
                : []),
              ...(i.status !== 'rejected' && !i.standard ? [{ title: m.meetings.up, action: 'up', itemId: i.id }] : []),
            ],
    }));
  // The holiday's name in the card's language (the meeting keeps the Finnish one).
  const holiday = (w: string) => holidayName(meeting.date)?.[lang] ?? w.slice(8);
  const warnings = meeting.warnings.map((w) => ({
    text: w.startsWith('holiday:') ? format(m.meetings.warnings.holiday, { name: holiday(w) }) : (m.meetings.warnings[w as 'weekend' | 'shifted'] ?? w),
  }));
  const buttons = cancelled
    ? []
    : [
        { title: `✅ ${m.meetings.coming}`, verb: 'meeting.rsvp', answer: 'yes' },
        { title: `❌ ${m.meetings.notComing}`, verb: 'meeting.rsvp', answer: 'no' },
        ...(opts.reminder
          ? []
          : [
              { title: m.meetings.propose, verb: 'meeting.propose', answer: '' },
              { title: m.meetings.edit, verb: 'meeting.edit', answer: '' },
              { title: m.meetings.cancel, verb: 'meeting.cancel', answer: '' },
            ]),
      ];
  return renderCard('meeting-agenda', {
    heading: opts.reminder ? format(m.meetings.reminderTitle, { title: meeting.title, when }) : `${meeting.title} · ${group.name}`,
    cancelledNote: cancelled ? m.meetings.cancelledNote : '',
    facts: [{ title: m.meetings.when, value: when }, ...(meeting.place ? [{ title: m.meetings.place, value: meeting.place }] : []), { title: m.meetings.chair, value: group.chair.name }],
    warnings,
    agendaTitle: m.meetings.agendaTitle,
    items,
    rsvpSummary: format(m.meetings.rsvpSummary, { yes: answers.filter((a) => a.answer === 'yes').length, no: answers.filter((a) => a.answer === 'no').length }),
    buttons,
    meetingId: meeting.id,
    groupId: group.id,
    kind: opts.reminder ? 'reminder' : 'agenda',
  });
}

/** A group's own card: what it is, its upcoming meetings and Call a meeting (the Kokous form). */
export function groupCard(title: string, group: Group, upcoming: Meeting[], schools: School[], lang: Lang, m: Messages): Record<string, unknown> {
  const school = schools.find((s) => s.id === group.schoolId);
  return renderCard('group', {
    title,
    facts: [
      { title: m.meetings.groupType, value: m.meetings.groupTypes[group.type] },
      { title: m.meetings.chair, value: group.chair.name },
      ...(school ? [{ title: m.group.school, value: school.name }] : []),
      { title: m.group.members, value: String(group.members.length) },
    ],
    upcomingTitle: m.meetings.upcomingTitle,
    none: upcoming.length ? '' : m.meetings.none,
    rows: upcoming.slice(0, 10).map((meeting) => ({ text: meetingRow(meeting, lang) })),
    callMeeting: m.group.callMeeting,
    lang,
  });
}

function meetingRow(meeting: Meeting, lang: Lang, group?: Group): string {
  return `**${meetingWhen(meeting, lang)}** · ${meeting.title}${group ? ` · ${group.name}` : ''}${meeting.place ? ` · ${meeting.place}` : ''}`;
}

export function meetingsListCard(title: string, rows: { meeting: Meeting; group?: Group }[], lang: Lang, m: Messages): Record<string, unknown> {
  return renderCard('meetings-list', {
    title,
    none: rows.length ? '' : m.meetings.none,
    rows: rows.map((r) => ({ text: meetingRow(r.meeting, lang, r.group) })),
  });
}

export function memoCard(meeting: Meeting, lang: Lang, m: Messages): Record<string, unknown> {
  const memo = meeting.memo!;
  return renderCard('memo', {
    title: format(m.meetings.memoTitle, { title: meeting.title, when: meetingWhen(meeting, lang) }),
    parts: [{ title: m.meetings.attendance, text: memo.attendance }, { title: m.meetings.decisions, text: memo.decisions }, ...(memo.tasks ? [{ title: m.meetings.tasks, text: memo.tasks }] : [])],
    by: `${memo.recordedBy} · ${formatInstantDay(memo.at, lang)}`,
  });
}
