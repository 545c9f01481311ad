import { define, pupil, t } from './define';
import type { FieldDef } from './fields';
import type { FormDef } from './registry';

/**
 * The forms that open an individual pupil's case (referral, support need, assistant, home education,
 * transition), routed to the service that handles them. Fields follow the domain notes
 * (shared/domain/student-welfare-fi.md §3) and the plan's lomakkeisto sections.
 */
export function caseForms(school: () => FieldDef): FormDef[] {
  return [
    define({
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
    }),
    define({
      id: 'tuen-tarve',
      title: t('Oppilaskohtaisen tuen tarpeen arviointi', 'Bedömning av behovet av elevspecifikt stöd', 'Assessment of pupil-specific support need'),
      intro: t(
        'Oppilaskohtaisten tukitoimien tarve arvioidaan, kun ryhmäkohtaiset tukimuodot eivät riitä (1.8.2025 alkaen). Järjestys: ensin tämä arviointi, sitten tuen toteuttamista koskeva suunnitelma (perusopetuslaki 20 e §) ja lopuksi tukea koskeva hallintopäätös.',
        'Behovet av elevspecifika stödåtgärder bedöms när de gruppspecifika stödformerna inte räcker (från 1.8.2025). Ordningen: först denna bedömning, sedan planen för genomförandet av stödet (lagen om grundläggande utbildning 20 e §) och sist förvaltningsbeslutet om stöd.',
        'Pupil-specific support is assessed when group-level support is not enough (since 1 August 2025). The order: first this assessment, then the plan for implementing the support (Basic Education Act section 20 e), and last the administrative decision on support.',
      ),
      fields: [
        school(),
        ...pupil,
        {
          id: 'groupSupport',
          kind: 'multiline',
          label: t(
            'Käytetyt opetusjärjestelyt ja ryhmäkohtaiset tukimuodot sekä niiden vaikutus',
            'Undervisningsarrangemang och gruppspecifika stödformer som använts och deras effekt',
            'Teaching arrangements and group-level support used, and their effect',
          ),
          required: true,
          maxLength: 1500,
          sensitive: true,
        },
        { id: 'strengths', kind: 'multiline', label: t('Vahvuudet ja kiinnostuksen kohteet', 'Styrkor och intressen', 'Strengths and interests'), maxLength: 1000, sensitive: true },
        {
          id: 'needs',
          kind: 'multiline',
          label: t('Oppimisen ja koulunkäynnin tilanne ja tuen tarve', 'Lärandet och skolgången, och stödbehovet', 'Learning and schooling, and the need for support'),
          required: true,
          maxLength: 1500,
          sensitive: true,
        },
        { id: 'pupilView', kind: 'multiline', label: t('Oppilaan oma näkemys', 'Elevens egen syn', "The pupil's own view"), required: true, maxLength: 1000, sensitive: true },
        { id: 'guardianView', kind: 'multiline', label: t('Huoltajan näkemys', 'Vårdnadshavarens syn', "The guardian's view"), required: true, maxLength: 1000, sensitive: true },
        {
          id: 'expertStatements',
          kind: 'multiline',
          label: t(
            'Käytetyt asiantuntijalausunnot (esim. psykologin tai lääkärin; opiskeluhuollon tiedot vain suostumuksella)',
            'Sakkunnigutlåtanden som använts (t.ex. psykolog eller läkare; uppgifter från elevhälsan endast med samtycke)',
            "Expert statements used (e.g. a psychologist's or doctor's; student welfare information only with consent)",
          ),
          maxLength: 800,
          sensitive: true,
        },
        {
          id: 'measures',
          kind: 'multichoice',
          label: t('Ehdotetut oppilaskohtaiset tukitoimet', 'Föreslagna elevspecifika stödåtgärder', 'Proposed pupil-specific measures'),
          required: true,
          choices: [
            { value: 'osittain-pienryhma', title: t('Erityisopettajan opetus osittain pienryhmässä', 'Delvis i smågrupp', 'Partly in a small group') },
            { value: 'pienryhma', title: t('Opetus pienryhmässä', 'Undervisning i smågrupp', 'Teaching in a small group') },
            { value: 'erityisluokka', title: t('Opetus erityisluokassa', 'Undervisning i specialklass', 'Teaching in a special class') },
            { value: 'tulkitseminen', title: t('Tulkitsemispalvelut', 'Tolkningstjänster', 'Interpretation services') },
            { value: 'avustaja', title: t('Avustajapalvelut', 'Biträdestjänster', 'Assistant services') },
            { value: 'apuvalineet', title: t('Apuvälineet', 'Hjälpmedel', 'Aids') },
          ],
        },
        {
          id: 'deviation',
          kind: 'multichoice',
          label: t('Tarvitaanko poikkeamista oppimäärästä', 'Behövs avvikelse från lärokursen', 'Is a deviation from the syllabus needed'),
          choices: [
            {
              value: '20h',
              title: t(
                'Poikkeaminen oppimäärästä tai paikallisen opetussuunnitelman tavoitteista (perusopetuslaki 20 h §)',
                'Avvikelse från lärokursen eller från målen i den lokala läroplanen (lagen om grundläggande utbildning 20 h §)',
                'Deviation from the syllabus or the local curriculum goals (Basic Education Act section 20 h)',
              ),
            },
            {
              value: '20i',
              title: t(
                'Opetus vamman, sairauden tai toimintakyvyn rajoitteen perusteella (perusopetuslaki 20 i §)',
                'Undervisning på grund av funktionsnedsättning, sjukdom eller begränsad funktionsförmåga (lagen om grundläggande utbildning 20 i §)',
                'Teaching on grounds of disability, illness or functional limitation (Basic Education Act section 20 i)',
              ),
            },
          ],
        },
        { id: 'deviationSubjects', kind: 'text', label: t('Oppiaineet, joita poikkeaminen koskee', 'Läroämnen som avvikelsen gäller', 'Subjects the deviation concerns'), maxLength: 300 },
        { id: 'pupilHeard', kind: 'toggle', label: t('Oppilasta on kuultu', 'Eleven har hörts', 'The pupil has been heard'), required: true },
        { id: 'guardianHeard', kind: 'toggle', label: t('Huoltajaa on kuultu', 'Vårdnadshavaren har hörts', 'The guardian has been heard'), required: true },
        { id: 'filledBy', kind: 'text', label: t('Täyttäjät (nimi ja tehtävä)', 'Ifylld av (namn och uppgift)', 'Filled in by (name and role)'), required: true, maxLength: 200 },
        { id: 'filledOn', kind: 'date', label: t('Päiväys', 'Datum', 'Date'), required: true, upToToday: true },
      ],
      submitters: 'staff',
      onSubmit: 'case',
      planSection: 'lomakkeisto/tuen-tarve',
      service: 'rehtori',
      // A deviation from the syllabus (Perusopetuslaki 20 h §, 20 i §) is decided per subject.
      check: (v) => {
        const deviates = Array.isArray(v.deviation) ? v.deviation.length > 0 : !!v.deviation;
        return deviates && !v.deviationSubjects ? [{ field: 'deviationSubjects', code: 'required' }] : [];
      },
    }),
    define({
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
    }),
    define({
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
    }),
    define({
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
    }),
  ];
}
