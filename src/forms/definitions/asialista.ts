import { define, t } from '../define';
import type { FormDef } from '../registry';

/** Asialistaehdotus: an item proposed for the communal group's agenda (never an individual pupil). */
export const asialista: FormDef = define({
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
});
