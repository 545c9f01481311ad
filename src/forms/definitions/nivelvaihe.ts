import { define, pupil, t } from '../define';
import type { FieldDef } from '../fields';
import type { FormDef } from '../registry';

/** Tiedonsiirto nivelvaiheessa: information transfer at a transition, handled by the principal. */
export function nivelvaihe(school: () => FieldDef): FormDef {
  return define({
    id: 'nivelvaihe',
    title: t('Tiedonsiirto nivelvaiheessa', 'Informationsöverföring i övergångsskedet', 'Information transfer at a transition'),
    intro: t(
      'Esiopetuksesta alkaen opetuksen järjestämisen kannalta välttämättömät tiedot siirretään ilman suostumusta (perusopetuslaki 40 §); muut tiedot vain huoltajan yksilöidyllä kirjallisella suostumuksella. Varhaiskasvatuksesta esiopetukseen siirtyvistä tiedoista säädetään varhaiskasvatuslaissa, ei perusopetuslaissa.',
      'Från förskoleundervisningen framåt överförs uppgifter som är nödvändiga för undervisningen utan samtycke (lagen om grundläggande utbildning 40 §); andra uppgifter endast med vårdnadshavarens specificerade skriftliga samtycke. Uppgifter som går från småbarnspedagogiken till förskoleundervisningen regleras i lagen om småbarnspedagogik, inte i lagen om grundläggande utbildning.',
      'From pre-primary education on, information essential for arranging teaching is transferred without consent (Basic Education Act section 40); other information only with the guardian’s specified written consent. Information moving from early childhood education to pre-primary education is governed by the Early Childhood Education and Care Act, not the Basic Education Act.',
    ),
    fields: [
      school(),
      ...pupil,
      {
        id: 'transition',
        kind: 'choice',
        label: t('Nivelvaihe', 'Övergång', 'Transition'),
        required: true,
        choices: [
          { value: 'esiopetus', title: t('Varhaiskasvatus → esiopetus', 'Småbarnspedagogik → förskola', 'ECEC → pre-primary') },
          { value: 'alakoulu', title: t('Esiopetus → 1. luokka', 'Förskola → åk 1', 'Pre-primary → grade 1') },
          { value: 'ylakoulu', title: t('6. → 7. luokka', 'Åk 6 → åk 7', 'Grade 6 → 7') },
          { value: 'toinen-aste', title: t('Perusopetus → toinen aste', 'Grundläggande → andra stadiet', 'Basic → upper secondary') },
          { value: 'koulun-vaihto', title: t('Koulun vaihto', 'Byte av skola', 'Change of school') },
        ],
      },
      { id: 'receiver', kind: 'text', label: t('Vastaanottava koulu tai oppilaitos', 'Mottagande skola', 'Receiving school'), required: true, maxLength: 120 },
      {
        id: 'support',
        kind: 'multiline',
        label: t('Käytössä oleva tuki (välttämättömät tiedot)', 'Stöd i bruk (nödvändiga uppgifter)', 'Support in use (essential information)'),
        required: true,
        maxLength: 1500,
        sensitive: true,
      },
      {
        id: 'consent',
        kind: 'toggle',
        label: t(
          'Huoltajan kirjallinen suostumus muiden tietojen siirtoon on saatu',
          'Vårdnadshavarens skriftliga samtycke finns',
          "The guardian's written consent to transfer other information is on file",
        ),
      },
      {
        id: 'consentScope',
        kind: 'multiline',
        label: t('Suostumuksen laajuus: mitä muita tietoja saa siirtää', 'Samtyckets omfattning', 'Scope of consent: what else may be transferred'),
        maxLength: 800,
        sensitive: true,
      },
    ],
    submitters: 'staff',
    onSubmit: 'case',
    planSection: 'lomakkeisto/nivelvaihe',
    service: 'rehtori',
    // Other information than what teaching needs moves only with the guardian's specified consent.
    check: (v) => (typeof v.consentScope === 'string' && v.consentScope !== '' && v.consent !== true ? [{ field: 'consent', code: 'mustConfirm' }] : []),
  });
}
