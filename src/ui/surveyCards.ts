import { format, type Lang, type Messages } from '../i18n';
import type { AnswerProblem } from '../surveys/answers';
import { DEFAULT_TEXT_MAX } from '../surveys/answers';
import { FOLLOW_UP_ITEM, type SurveyDef, type SurveyItem } from '../surveys/definitions';
import type { Round } from '../surveys/model';
import { formatDate } from '../time/format';
import { renderCard } from './cards';

/** Survey views for respondents and coordinators; the results views are in surveyResultsCard.ts. */

/** The follow-up question of a school whose group chose an action after the previous round. */
export function followUpFor(round: Round, schoolId: string, m: Messages): SurveyItem | undefined {
  const fu = round.schools.find((s) => s.schoolId === schoolId)?.followUp;
  if (!fu) return undefined;
  const text = format(m.surveys.followUpText, { action: fu.text });
  return {
    id: FOLLOW_UP_ITEM,
    type: 'agree5',
    construct: '',
    measures: '',
    short: { fi: m.surveys.followUpShort, sv: m.surveys.followUpShort, en: m.surveys.followUpShort },
    text: { fi: text, sv: text, en: text },
  };
}

function choicesOf(item: SurveyItem, lang: Lang, m: Messages): { title: string; value: string }[] {
  if (item.type === 'agree5') return m.surveys.agree.map((title, k) => ({ title, value: String(k + 1) }));
  if (item.type === 'scale010') return Array.from({ length: 11 }, (_, k) => ({ title: String(k), value: String(k) }));
  return (item.choices ?? []).map((c) => ({ title: c.title[lang], value: c.value }));
}

export interface SurveyFormState {
  values?: Record<string, string>;
  problems?: AnswerProblem[];
  generalError?: string;
  ticket?: string;
  reminder?: boolean;
}

/** The survey card a respondent gets in their personal chat (also prefilled to change an answer, and as the reminder). */
export function surveyFormCard(def: SurveyDef, round: Round, schoolId: string, lang: Lang, m: Messages, state: SurveyFormState = {}): Record<string, unknown> {
  const school = round.schools.find((s) => s.schoolId === schoolId)?.name ?? schoolId;
  const fu = followUpFor(round, schoolId, m);
  const items = [...def.items.filter((i) => !i.background), ...(fu ? [fu] : []), ...def.items.filter((i) => i.background)].map((item) => {
    const problem = state.problems?.find((p) => p.field === item.id);
    return {
      id: item.id,
      kind: item.type === 'text' ? 'text' : 'choice',
      label: item.text[lang],
      maxLength: item.maxLength ?? DEFAULT_TEXT_MAX,
      value: state.values?.[item.id] ?? '',
      choices: choicesOf(item, lang, m),
      error: problem ? m.surveys.answerProblems[problem.code] : '',
    };
  });
  const closes = format(m.surveys.closesOn, { date: formatDate(round.closesOn) });
  return renderCard('survey-form', {
    title: state.reminder ? format(m.surveys.reminderTitle, { title: round.title, date: formatDate(round.closesOn) }) : format(m.surveys.invitationTitle, { title: round.title, school }),
    intro: def.intro[lang],
    closes,
    generalError: state.generalError ?? '',
    items,
    choose: m.forms.choose,
    textHint: m.surveys.textHint,
    privacy: m.surveys.formPrivacy,
    send: m.surveys.send,
    roundId: round.id,
    schoolId,
    ticket: state.ticket ?? '',
  });
}

/** What the respondent sees in place of the survey card: thanks, the closing date, and a way to change the answers. */
export function thanksCard(round: Round, schoolId: string, ticket: string, changed: boolean, m: Messages): Record<string, unknown> {
  return renderCard('survey-thanks', {
    title: m.surveys.thanksTitle,
    survey: format(m.surveys.invitationTitle, { title: round.title, school: round.schools.find((s) => s.schoolId === schoolId)?.name ?? schoolId }),
    text: format(changed ? m.surveys.changedText : m.surveys.thanksText, { date: formatDate(round.closesOn) }),
    change: m.surveys.change,
    roundId: round.id,
    schoolId,
    ticket,
  });
}

export interface RoundProgress {
  invited: number;
  sent: number;
  failed: number;
}

/** The coordinator's list of rounds with their state and what can be done. */
export function roundsCard(rows: { round: Round; progress: RoundProgress }[], m: Messages, notice = ''): Record<string, unknown> {
  return renderCard('survey-rounds', {
    title: m.surveys.roundsTitle,
    intro: m.surveys.roundsIntro,
    notice,
    none: rows.length ? '' : m.surveys.noRounds,
    rounds: rows.map(({ round, progress }) => ({
      title: round.title,
      status: m.surveys.status[round.status],
      dates: `${formatDate(round.opensOn)}–${formatDate(round.closesOn)} · ${round.schools.map((s) => s.name).join(', ')}`,
      progress: format(m.surveys.progress, { invited: progress.invited, sent: progress.sent, failed: progress.failed }),
      buttons: [
        ...(round.status === 'scheduled' || round.status === 'open' ? [{ title: m.surveys.closeNow, verb: 'survey.close', roundId: round.id }] : []),
        ...(round.status === 'closed' ? [{ title: m.surveys.showResults, verb: 'survey.results', roundId: round.id }] : []),
      ],
    })),
    labels: { new: m.surveys.newRound, refresh: m.surveys.refresh },
  });
}

export interface StartState {
  values?: Partial<Record<'survey' | 'schools' | 'opensOn' | 'closesOn', string>>;
  errors?: Partial<Record<'survey' | 'schools' | 'opensOn' | 'closesOn', string>>;
  generalError?: string;
}

/** The new-round form: survey, the coordinator's schools (with where their invitees come from), dates. */
export function startCard(
  surveys: SurveyDef[],
  schools: { id: string; name: string; source: 'channel' | 'group' | 'none' }[],
  lang: Lang,
  m: Messages,
  state: StartState = {},
): Record<string, unknown> {
  return renderCard('survey-start', {
    title: m.surveys.startTitle,
    intro: m.surveys.startIntro,
    generalError: state.generalError ?? '',
    surveys: surveys.map((s) => ({ title: `${s.title[lang]} (${s.minutes} min)`, value: s.id })),
    schools: schools.map((s) => ({ title: `${s.name} – ${m.surveys.sources[s.source]}`, value: s.id })),
    values: { survey: '', schools: '', opensOn: '', closesOn: '', ...state.values },
    errors: { survey: '', schools: '', opensOn: '', closesOn: '', ...state.errors },
    labels: { ...m.surveys.labels, required: m.forms.problems.required, choose: m.forms.choose },
  });
}

export function surveyChannelCard(schools: { id: string; name: string }[], m: Messages): Record<string, unknown> {
  return renderCard('survey-channel', {
    title: m.surveys.channelChoose,
    choose: m.forms.choose,
    required: m.forms.problems.required,
    button: m.surveys.setChannel,
    schools: schools.map((s) => ({ title: s.name, value: s.id })),
  });
}

export interface SmallFormState {
  values?: Record<string, string>;
  generalError?: string;
}

export function workshopCard(ids: { roundId: string; unitId: string; groupId: string }, m: Messages, state: SmallFormState = {}): Record<string, unknown> {
  return renderCard('survey-workshop', {
    heading: m.surveys.workshopTitle,
    intro: m.surveys.workshopIntro,
    generalError: state.generalError ?? '',
    values: { title: '', date: '', time: '14:00', duration: '90', place: '', ...state.values },
    durations: [60, 90, 120, 180].map((n) => ({ title: `${n} min`, value: String(n) })),
    labels: { ...m.surveys.labelsWorkshop, required: m.forms.problems.required },
    ...ids,
  });
}

export function actionCard(ids: { roundId: string; unitId: string; groupId: string }, m: Messages, state: SmallFormState = {}): Record<string, unknown> {
  return renderCard('survey-action', {
    heading: m.surveys.actionTitle,
    intro: m.surveys.actionIntro,
    generalError: state.generalError ?? '',
    values: { text: '', owner: '', followUpOn: '', ...state.values },
    labels: { ...m.surveys.labelsAction, required: m.forms.problems.required },
    ...ids,
  });
}
