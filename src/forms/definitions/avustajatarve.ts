import { define, pupil, t } from '../define';
import type { FieldDef } from '../fields';
import type { FormDef } from '../registry';

/** Avustajan tarpeen arviointi: the assessment of a group or personal assistant, handled by the principal. */
export function avustajatarve(school: () => FieldDef): FormDef {
  return define({
    id: 'avustajatarve',
    title: t('Avustajan tarpeen arviointi', 'Bedömning av behovet av assistent', 'Assessment of the need for an assistant'),
    intro: t(
      'Avustajapalvelut ovat oppilaskohtainen tukitoimi (perusopetuslaki 31 §). Tarve arvioidaan moniammatillisesti yhdessä kodin kanssa.',
      'Biträdestjänster är en elevspecifik stödåtgärd (lagen om grundläggande utbildning 31 §). Behovet bedöms mångprofessionellt tillsammans med hemmet.',
      'Assistant services are a pupil-specific support measure (Perusopetuslaki 31 §). The need is assessed with the home.',
    ),
    fields: [
      school(),
      ...pupil,
      {
        id: 'kind',
        kind: 'choice',
        label: t('Tarve', 'Behov', 'Need'),
        required: true,
        choices: [
          { value: 'ryhma', title: t('Ryhmäkohtainen avustaja', 'Gruppassistent', 'Group assistant') },
          { value: 'henkilokohtainen', title: t('Henkilökohtainen avustaja', 'Personlig assistent', 'Personal assistant') },
        ],
      },
      {
        id: 'situations',
        kind: 'multiline',
        label: t('Tilanteet, joissa apua tarvitaan', 'Situationer där hjälp behövs', 'Situations where help is needed'),
        required: true,
        maxLength: 1500,
        sensitive: true,
      },
      { id: 'hours', kind: 'text', label: t('Arvioitu tarve tunteina viikossa', 'Uppskattat behov, timmar per vecka', 'Estimated hours per week'), maxLength: 10 },
      {
        id: 'health',
        kind: 'multiline',
        label: t('Terveyteen liittyvät tiedot (vain välttämätön)', 'Hälsouppgifter (endast det nödvändiga)', 'Health information (only what is necessary)'),
        maxLength: 1000,
        sensitive: true,
      },
      { id: 'expertStatement', kind: 'toggle', label: t('Asiantuntijalausunto on saatu', 'Expertutlåtande finns', 'An expert statement is available') },
      { id: 'homeHeard', kind: 'toggle', label: t('Kotia on kuultu', 'Hemmet har hörts', 'The home has been heard'), required: true },
    ],
    submitters: 'staff',
    onSubmit: 'case',
    planSection: 'lomakkeisto/avustajatarve',
    service: 'rehtori',
    check: (v) => (v.kind === 'henkilokohtainen' && v.expertStatement !== true ? [{ field: 'expertStatement', code: 'mustConfirm' }] : []),
  });
}
