import { define, pupil, t } from '../define';
import type { FieldDef } from '../fields';
import type { FormDef } from '../registry';

/** Kotiopetus: notification of home education or a request for teaching at home on health grounds, handled by the principal. */
export function kotiopetus(school: () => FieldDef): FormDef {
  return define({
    id: 'kotiopetus',
    title: t('Kotiopetus tai opetus kotona terveydellisistä syistä', 'Hemundervisning eller undervisning hemma av hälsoskäl', 'Home education or teaching at home on health grounds'),
    intro: t(
      'Huoltajan valitsema kotiopetus ei vaadi lupaa: huoltaja ilmoittaa siitä lähikoululle, ja asuinkunta valvoo edistymistä (perusopetuslaki 26 §). Opetuksesta kotona terveydellisistä syistä päättää opetuksen järjestäjä lääkärin arvion perusteella (18 §).',
      'Hemundervisning kräver inget tillstånd: vårdnadshavaren anmäler den till närskolan, och hemkommunen övervakar framstegen (26 § i lagen om grundläggande utbildning). Om undervisning hemma av hälsoskäl beslutar anordnaren utifrån läkarens bedömning (18 § i lagen om grundläggande utbildning).',
      'Home education needs no permit: the guardian notifies the local school and the municipality monitors progress (Basic Education Act section 26). Teaching at home on health grounds is decided by the provider on a doctor’s assessment (Basic Education Act section 18).',
    ),
    fields: [
      {
        id: 'kind',
        kind: 'choice',
        label: t('Mistä on kyse', 'Gäller', 'This is'),
        required: true,
        choices: [
          { value: 'kotiopetus', title: t('Ilmoitus huoltajan valitsemasta kotiopetuksesta', 'Anmälan om hemundervisning', 'Notification of home education') },
          { value: 'terveys', title: t('Pyyntö opetuksesta kotona terveydellisistä syistä', 'Begäran om undervisning hemma av hälsoskäl', 'Request for teaching at home on health grounds') },
        ],
      },
      school(),
      ...pupil,
      { id: 'startDate', kind: 'date', label: t('Alkaa', 'Börjar', 'Starts'), required: true },
      { id: 'guardianName', kind: 'text', label: t('Huoltajan nimi', 'Vårdnadshavarens namn', "Guardian's name"), required: true, maxLength: 100, identifying: true },
      {
        id: 'guardianResponsibility',
        kind: 'toggle',
        label: t(
          'Huoltaja tietää vastaavansa opetuksesta (kotiopetus)',
          'Vårdnadshavaren vet att hen ansvarar för undervisningen',
          'The guardian knows they are responsible for teaching (home education)',
        ),
      },
      {
        id: 'doctorStatement',
        kind: 'toggle',
        label: t('Lääkärin arvio on saatu (terveydelliset syyt)', 'Läkarens bedömning finns (hälsoskäl)', "A doctor's assessment is available (health grounds)"),
      },
      {
        id: 'healthReason',
        kind: 'multiline',
        label: t('Terveydelliset perusteet (vain välttämätön)', 'Hälsoskäl (endast det nödvändiga)', 'Health grounds (only what is necessary)'),
        maxLength: 1000,
        sensitive: true,
      },
    ],
    submitters: 'staff',
    onSubmit: 'case',
    planSection: 'lomakkeisto/kotiopetus',
    service: 'rehtori',
    check: (v) => [
      ...(v.kind === 'kotiopetus' && v.guardianResponsibility !== true ? [{ field: 'guardianResponsibility', code: 'mustConfirm' as const }] : []),
      ...(v.kind === 'terveys' && v.doctorStatement !== true ? [{ field: 'doctorStatement', code: 'mustConfirm' as const }] : []),
    ],
  });
}
