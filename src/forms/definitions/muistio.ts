import { define, t } from '../define';
import type { FormDef } from '../registry';

/** Muistio: the memo of a meeting, written by the chair. */
export const muistio: FormDef = define({
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
});
