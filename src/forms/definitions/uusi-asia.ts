import { define, pupil, t } from '../define';
import type { FieldDef } from '../fields';
import type { FormDef } from '../registry';

/** Yhteydenotto opiskeluhuoltoon: a referral that opens an individual pupil's case (OHL 16 §), routed to the chosen service. */
export function uusiAsia(school: () => FieldDef): FormDef {
  return define({
    id: 'uusi-asia',
    title: t('Yhteydenotto opiskeluhuoltoon', 'Kontakt med elevhälsan', 'Referral to student welfare'),
    intro: t(
      'Uusi yksilökohtainen asia (OHL 16 §). Kirjaa vain välttämätön. Kuraattori tai psykologi tapaa oppilaan viimeistään 7. koulun työpäivänä siitä, kun oppilas tai huoltaja pyysi, kiireellisessä asiassa samana tai seuraavana työpäivänä (OHL 15 §). Määräaika lasketaan pyyntöpäivästä, ei lomakkeen lähetyspäivästä.',
      'Nytt individuellt ärende (lagen om elev- och studerandevård 16 §). Anteckna bara det nödvändiga. Kuratorn eller psykologen träffar eleven senast den 7:e arbetsdagen i skolan efter att eleven eller vårdnadshavaren bad om det, i brådskande fall samma eller följande arbetsdag (15 §). Tidsfristen räknas från dagen för begäran, inte från dagen blanketten skickas.',
      'New individual matter (OHL 16 §). Record only what is necessary. The kuraattori or psychologist sees the pupil by the 7th school working day after the pupil or guardian asked, in urgent cases the same or next working day (OHL 15 §). The deadline counts from the day of the request, not from the day this form is sent.',
    ),
    fields: [
      school(),
      ...pupil,
      {
        id: 'initiator',
        kind: 'choice',
        label: t('Yhteydenottaja', 'Kontakten tas av', 'Referred by'),
        required: true,
        choices: [
          { value: 'opettaja', title: t('Opettaja', 'Lärare', 'Teacher') },
          { value: 'erityisopettaja', title: t('Erityisopettaja', 'Speciallärare', 'Special-needs teacher') },
          { value: 'rehtori', title: t('Rehtori', 'Rektor', 'Principal') },
          { value: 'ohjaaja', title: t('Koulunkäynnin ohjaaja', 'Skolgångshandledare', 'School assistant') },
          { value: 'terveydenhoitaja', title: t('Terveydenhoitaja', 'Hälsovårdare', 'School nurse') },
          { value: 'huoltaja', title: t('Huoltaja', 'Vårdnadshavare', 'Guardian') },
          { value: 'oppilas', title: t('Oppilas itse', 'Eleven själv', 'The pupil') },
          { value: 'muu', title: t('Muu', 'Annan', 'Other') },
        ],
      },
      {
        id: 'reason',
        kind: 'choice',
        label: t('Huolen aihe', 'Orsak till oro', 'Reason'),
        required: true,
        choices: [
          { value: 'oppiminen', title: t('Oppiminen ja koulunkäynti', 'Lärande och skolgång', 'Learning and schooling') },
          { value: 'tunne-elama', title: t('Tunne-elämä ja mieliala', 'Känsloliv och humör', 'Emotions and mood') },
          { value: 'kaytos', title: t('Käyttäytyminen', 'Beteende', 'Behaviour') },
          { value: 'kaverisuhteet', title: t('Kaverisuhteet tai kiusaaminen', 'Kamratrelationer eller mobbning', 'Friendships or bullying') },
          { value: 'poissaolot', title: t('Poissaolot', 'Frånvaro', 'Absences') },
          { value: 'perhe', title: t('Perhetilanne', 'Familjesituation', 'Family situation') },
          { value: 'terveys', title: t('Terveys', 'Hälsa', 'Health') },
          { value: 'muu', title: t('Muu', 'Annat', 'Other') },
        ],
      },
      {
        id: 'description',
        kind: 'multiline',
        label: t('Lyhyt kuvaus', 'Kort beskrivning', 'Short description'),
        required: true,
        maxLength: 1500,
        sensitive: true,
        placeholder: t(
          'Mitä olet havainnut ja mitä on jo tehty? Ei diagnooseja eikä muiden oppilaiden nimiä.',
          'Vad har du observerat och vad har redan gjorts?',
          'What have you observed and what has been done? No diagnoses, no other pupils’ names.',
        ),
      },
      {
        id: 'madeWith',
        kind: 'choice',
        label: t('Tehtiinkö yhteydenotto yhdessä?', 'Gjordes kontakten tillsammans?', 'Made together with'),
        required: true,
        choices: [
          { value: 'pupil', title: t('Yhdessä oppilaan kanssa', 'Tillsammans med eleven', 'With the pupil') },
          { value: 'guardian', title: t('Yhdessä huoltajan kanssa', 'Tillsammans med vårdnadshavaren', 'With the guardian') },
          { value: 'both', title: t('Yhdessä molempien kanssa', 'Tillsammans med båda', 'With both') },
          { value: 'none', title: t('Ei yhdessä', 'Inte tillsammans', 'Not together') },
        ],
      },
      { id: 'pupilInformed', kind: 'toggle', label: t('Oppilaalle on kerrottu yhteydenotosta', 'Eleven har informerats', 'The pupil has been told') },
      { id: 'guardianInformed', kind: 'toggle', label: t('Huoltajalle on kerrottu yhteydenotosta', 'Vårdnadshavaren har informerats', 'The guardian has been told') },
      {
        id: 'urgency',
        kind: 'choice',
        label: t('Kiireellisyys', 'Brådska', 'Urgency'),
        required: true,
        choices: [
          { value: 'normal', title: t('Ei kiireellinen (7 työpäivää)', 'Inte brådskande (7 arbetsdagar)', 'Not urgent (7 working days)') },
          { value: 'urgent', title: t('Kiireellinen (sama tai seuraava työpäivä)', 'Brådskande (samma eller följande arbetsdag)', 'Urgent (same or next working day)') },
        ],
      },
      {
        id: 'target',
        kind: 'choice',
        label: t('Kenelle', 'Till vem', 'To'),
        required: true,
        choices: [
          { value: 'kuraattori', title: t('Kuraattori', 'Kurator', 'Kuraattori (school social worker)') },
          { value: 'psykologi', title: t('Psykologi', 'Psykolog', 'Psychologist') },
          { value: 'terveydenhoitaja', title: t('Terveydenhoitaja', 'Hälsovårdare', 'School nurse') },
          { value: 'mar', title: t('Monialainen asiantuntijaryhmä', 'Sektorsövergripande expertgrupp', 'Multi-professional expert group') },
        ],
      },
      {
        id: 'requestedOn',
        kind: 'date',
        label: t(
          'Pyyntöpäivä: milloin oppilas tai huoltaja pyysi apua',
          'Datum för begäran: när eleven eller vårdnadshavaren bad om hjälp',
          'Date of the request: when the pupil or guardian asked for help',
        ),
        upToToday: true,
      },
    ],
    submitters: 'staff',
    onSubmit: 'case',
    planSection: 'lomakkeisto/uusi-asia',
    service: { field: 'target' },
    // OHL 16 §: if the referral is not made together with the pupil, the pupil must be told about it.
    check: (v) => (v.madeWith === 'none' && v.pupilInformed !== true ? [{ field: 'pupilInformed', code: 'mustConfirm' }] : []),
  });
}
