import type { z } from 'zod';
import { parseDateList } from '../time/parse';
import { caseForms } from './caseForms';
import { define, t } from './define';
import type { FieldDef, FieldProblem, L10n } from './fields';

/**
 * The plan's forms (lomakkeisto), each declared once: id, titles, fields (→ zod schema and card),
 * the card template, who may submit, what submission does and the plan section that describes it.
 * Fields follow the domain notes (shared/domain/student-welfare-fi.md §3).
 */
export type SubmitAction = 'case' | 'meeting' | 'agendaItem' | 'memo';
/** Role that handles a submitted form at the school (cases are routed to it). */
export type Service = 'kuraattori' | 'psykologi' | 'terveydenhoitaja' | 'mar' | 'rehtori';

export interface FormDef {
  id: string;
  title: L10n;
  intro: L10n;
  fields: FieldDef[];
  template: 'form';
  /** Who may submit: every staff member of the tenant, or a group role (meetings issue). */
  submitters: 'staff' | 'chair';
  onSubmit: SubmitAction;
  planSection: string;
  /** The handling service for a case: a fixed role, or the value of a field (uusi-asia's target). */
  service?: Service | { field: string };
  /** Cross-field rules (the law's, not just formats). */
  check?: (values: Record<string, unknown>) => FieldProblem[];
  schema: z.ZodObject<Record<string, z.ZodTypeAny>, 'strict'>;
}

export const SCHOOL_FIELD = 'school';

export interface School {
  id: string;
  name: string;
  provider: string;
  /** Where the school is (survey results of small schools are reported per municipality). */
  municipality?: string;
}

/** The catalogue for a region: its schools are the choices of every form's school field. */
export function formCatalog(schools: School[]): Map<string, FormDef> {
  const school = (): FieldDef => ({
    id: SCHOOL_FIELD,
    kind: 'choice',
    label: t('Koulu', 'Skola', 'School'),
    required: true,
    choices: schools.map((s) => ({ value: s.id, title: t(s.name, s.name, s.name) })),
  });
  const forms: FormDef[] = [
    ...caseForms(school),
    define({
      id: 'kokous',
      title: t('Kokous', 'Möte', 'Meeting'),
      intro: t(
        'Opiskeluhuoltoryhmän tai yhteistyöryhmän kokous (Europe/Helsinki).',
        'Elevhälsogruppens eller samarbetsgruppens möte.',
        "A welfare group's or the cooperation group's meeting (Europe/Helsinki).",
      ),
      fields: [
        { id: 'title', kind: 'text', label: t('Otsikko', 'Rubrik', 'Title'), required: true, maxLength: 120 },
        { id: 'date', kind: 'date', label: t('Päivä', 'Dag', 'Date'), required: true },
        { id: 'time', kind: 'time', label: t('Kellonaika', 'Klockslag', 'Time'), required: true },
        {
          id: 'duration',
          kind: 'choice',
          label: t('Kesto', 'Längd', 'Duration'),
          required: true,
          choices: [30, 45, 60, 90, 120].map((m) => ({ value: String(m), title: t(`${m} min`, `${m} min`, `${m} min`) })),
        },
        { id: 'place', kind: 'text', label: t('Paikka tai verkkolinkki', 'Plats eller länk', 'Place or online link'), maxLength: 300 },
        {
          id: 'recurrence',
          kind: 'choice',
          label: t('Toistuvuus', 'Upprepning', 'Repeats'),
          required: true,
          choices: [
            { value: 'once', title: t('Kerran', 'En gång', 'Once') },
            { value: 'w1', title: t('Joka viikko', 'Varje vecka', 'Every week') },
            { value: 'w2', title: t('Joka toinen viikko', 'Varannan vecka', 'Every two weeks') },
            { value: 'w4', title: t('Joka neljäs viikko', 'Var fjärde vecka', 'Every four weeks') },
            { value: 'dates', title: t('Luetellut päivät', 'Angivna dagar', 'Listed dates') },
          ],
        },
        { id: 'until', kind: 'date', label: t('Toistuu asti', 'Upprepas till', 'Repeats until') },
        {
          id: 'dates',
          kind: 'text',
          label: t('Päivät (luetellut)', 'Dagar (angivna)', 'Dates (listed)'),
          maxLength: 600,
          placeholder: t('esim. 13.2.2027, 7.5.2027, 10.9.2027, 12.11.2027', 't.ex. 13.2.2027, 7.5.2027', 'e.g. 13.2.2027, 7.5.2027'),
        },
      ],
      submitters: 'chair',
      onSubmit: 'meeting',
      planSection: 'lomakkeisto/kokous',
      check: (v) => [
        ...(['w1', 'w2', 'w4'].includes(String(v.recurrence)) && !v.until ? [{ field: 'until', code: 'required' as const }] : []),
        ...(v.recurrence === 'dates' && parseDateList(String(v.dates ?? '')) === undefined ? [{ field: 'dates', code: 'date' as const }] : []),
      ],
    }),
    define({
      id: 'asialista',
      title: t('Asialistaehdotus', 'Förslag till föredragningslista', 'Agenda item proposal'),
      intro: t(
        'Yhteisöllisen ryhmän asialistalla ei käsitellä yksittäistä oppilasta.',
        'Den gemensamma gruppens lista behandlar aldrig en enskild elev.',
        'The communal group’s agenda never concerns an individual pupil.',
      ),
      fields: [
        { id: 'title', kind: 'text', label: t('Asia', 'Ärende', 'Item'), required: true, maxLength: 150 },
        { id: 'details', kind: 'multiline', label: t('Taustaa', 'Bakgrund', 'Background'), maxLength: 1000 },
      ],
      submitters: 'staff',
      onSubmit: 'agendaItem',
      planSection: 'lomakkeisto/asialista',
    }),
    define({
      id: 'muistio',
      title: t('Muistio', 'Minnesanteckningar', 'Memo'),
      intro: t('Läsnäolijat, päätökset ja sovitut tehtävät vastuuhenkilöineen.', 'Närvarande, beslut och uppgifter.', 'Attendance, decisions and follow-up tasks with owners.'),
      fields: [
        { id: 'attendance', kind: 'multiline', label: t('Läsnä', 'Närvarande', 'Present'), required: true, maxLength: 1000 },
        { id: 'decisions', kind: 'multiline', label: t('Päätökset', 'Beslut', 'Decisions'), required: true, maxLength: 3000 },
        { id: 'tasks', kind: 'multiline', label: t('Tehtävät (kuka, mitä, mihin mennessä)', 'Uppgifter (vem, vad, när)', 'Tasks (who, what, by when)'), maxLength: 2000 },
      ],
      submitters: 'chair',
      onSubmit: 'memo',
      planSection: 'lomakkeisto/muistio',
    }),
  ];
  return new Map(forms.map((f) => [f.id, f]));
}
