import { parseDateList } from '../../time/parse';
import { define, t } from '../define';
import type { FormDef } from '../registry';

/** Kokous: a welfare group's meeting, once or recurring, created by the group's chair. */
export const kokous: FormDef = define({
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
});
