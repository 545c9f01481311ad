import type { z } from 'zod';
import { type FieldDef, type FieldProblem, type L10n, schemaFor } from './fields';

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

const t = (fi: string, sv: string, en: string): L10n => ({ fi, sv, en });

export const SCHOOL_FIELD = 'school';

export interface School {
  id: string;
  name: string;
  provider: string;
  /** Where the school is (survey results of small schools are reported per municipality). */
  municipality?: string;
}
const pupil: FieldDef[] = [
  { id: 'pupilName', kind: 'text', label: t('Oppilaan nimi', 'Elevens namn', "Pupil's name"), required: true, maxLength: 100, identifying: true },
  { id: 'pupilClass', kind: 'text', label: t('Luokka', 'Klass', 'Class'), required: true, maxLength: 10, identifying: true, placeholder: t('esim. 5B', 't.ex. 5B', 'e.g. 5B') },
];

function define(f: Omit<FormDef, 'schema' | 'template'>): FormDef {
  return { ...f, template: 'form', schema: schemaFor(f.fields) };
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
  define({
    id: 'uusi-asia',
    title: t('Yhteydenotto opiskeluhuoltoon', 'Kontakt med elevhälsan', 'Referral to student welfare'),
    intro: t(
      'Uusi yksilökohtainen asia (OHL 16 §). Kirjaa vain välttämätön. Kuraattori tai psykologi tapaa oppilaan viimeistään 7. koulun työpäivänä, kiireellisessä asiassa samana tai seuraavana työpäivänä (OHL 15 §).',
      'Nytt individuellt ärende (lagen om elev- och studerandevård 16 §). Anteckna bara det nödvändiga. Kuratorn eller psykologen träffar eleven senast den 7:e arbetsdagen, i brådskande fall samma eller följande arbetsdag (15 §).',
      'New individual matter (OHL 16 §). Record only what is necessary. The kuraattori or psychologist sees the pupil by the 7th school working day, in urgent cases the same or next working day (OHL 15 §).',
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
        placeholder: t('Mitä olet havainnut ja mitä on jo tehty? Ei diagnooseja eikä muiden oppilaiden nimiä.', 'Vad har du observerat och vad har redan gjorts?', 'What have you observed and what has been done? No diagnoses, no other pupils’ names.'),
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
      { id: 'pupilInformed', kind: 'toggle', label: t('Oppilaalle on kerrottu yhteydenotosta', 'Eleven har informerats', 'The pupil has been told'), },
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
          { value: 'mar', title: t('Monialainen asiantuntijaryhmä', 'Mångprofessionell expertgrupp', 'Multi-professional expert group') },
        ],
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
      'Oppilaskohtaisten tukitoimien tarve arvioidaan, kun ryhmäkohtaiset tukimuodot eivät riitä (1.8.2025 alkaen). Arvioinnista seuraa tuen toteuttamista koskeva suunnitelma ja hallintopäätös.',
      'Behovet av elevspecifika stödåtgärder bedöms när de gruppspecifika stödformerna inte räcker (från 1.8.2025).',
      'Pupil-specific support is assessed when group-level support is not enough (since 1 August 2025). A support plan and an administrative decision follow.',
    ),
    fields: [
      school(),
      ...pupil,
      { id: 'groupSupport', kind: 'multiline', label: t('Käytetyt ryhmäkohtaiset tukimuodot ja niiden vaikutus', 'Gruppspecifika stödformer och deras effekt', 'Group-level support used and its effect'), required: true, maxLength: 1500, sensitive: true },
      { id: 'strengths', kind: 'multiline', label: t('Vahvuudet ja kiinnostuksen kohteet', 'Styrkor och intressen', 'Strengths and interests'), maxLength: 1000, sensitive: true },
      { id: 'needs', kind: 'multiline', label: t('Tuen tarve', 'Stödbehov', 'Need for support'), required: true, maxLength: 1500, sensitive: true },
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
          { value: 'avustaja', title: t('Avustajapalvelut', 'Assistenttjänster', 'Assistant services') },
          { value: 'apuvalineet', title: t('Apuvälineet', 'Hjälpmedel', 'Aids') },
        ],
      },
      { id: 'pupilHeard', kind: 'toggle', label: t('Oppilasta on kuultu', 'Eleven har hörts', 'The pupil has been heard'), required: true },
      { id: 'guardianHeard', kind: 'toggle', label: t('Huoltajaa on kuultu', 'Vårdnadshavaren har hörts', 'The guardian has been heard'), required: true },
    ],
    submitters: 'staff',
    onSubmit: 'case',
    planSection: 'lomakkeisto/tuen-tarve',
    service: 'rehtori',
  }),
  define({
    id: 'avustajatarve',
    title: t('Avustajan tarpeen arviointi', 'Bedömning av behovet av assistent', 'Assessment of the need for an assistant'),
    intro: t('Avustajapalvelut ovat oppilaskohtainen tukitoimi (perusopetuslaki 31 §). Tarve arvioidaan moniammatillisesti yhdessä kodin kanssa.', 'Assistenttjänster är en elevspecifik stödåtgärd (31 §). Behovet bedöms mångprofessionellt tillsammans med hemmet.', 'Assistant services are a pupil-specific support measure (Perusopetuslaki 31 §). The need is assessed with the home.'),
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
      { id: 'situations', kind: 'multiline', label: t('Tilanteet, joissa apua tarvitaan', 'Situationer där hjälp behövs', 'Situations where help is needed'), required: true, maxLength: 1500, sensitive: true },
      { id: 'hours', kind: 'text', label: t('Arvioitu tarve tunteina viikossa', 'Uppskattat behov, timmar per vecka', 'Estimated hours per week'), maxLength: 10 },
      { id: 'health', kind: 'multiline', label: t('Terveyteen liittyvät tiedot (vain välttämätön)', 'Hälsouppgifter (endast det nödvändiga)', 'Health information (only what is necessary)'), maxLength: 1000, sensitive: true },
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
    intro: t('Huoltajan valitsema kotiopetus ei vaadi lupaa: huoltaja ilmoittaa siitä lähikoululle, ja asuinkunta valvoo edistymistä (perusopetuslaki 26 §). Opetuksesta kotona terveydellisistä syistä päättää opetuksen järjestäjä lääkärin arvion perusteella (18 §).', 'Hemundervisning kräver inget tillstånd: vårdnadshavaren anmäler den till närskolan (26 §). Om undervisning hemma av hälsoskäl beslutar anordnaren utifrån läkarens bedömning (18 §).', 'Home education needs no permit: the guardian notifies the local school and the municipality monitors progress (§ 26). Teaching at home on health grounds is decided by the provider on a doctor’s assessment (§ 18).'),
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
      { id: 'guardianResponsibility', kind: 'toggle', label: t('Huoltaja tietää vastaavansa opetuksesta (kotiopetus)', 'Vårdnadshavaren vet att hen ansvarar för undervisningen', 'The guardian knows they are responsible for teaching (home education)') },
      { id: 'doctorStatement', kind: 'toggle', label: t('Lääkärin arvio on saatu (terveydelliset syyt)', 'Läkarens bedömning finns (hälsoskäl)', "A doctor's assessment is available (health grounds)") },
      { id: 'healthReason', kind: 'multiline', label: t('Terveydelliset perusteet (vain välttämätön)', 'Hälsoskäl (endast det nödvändiga)', 'Health grounds (only what is necessary)'), maxLength: 1000, sensitive: true },
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
    intro: t('Opetuksen järjestämisen kannalta välttämättömät tiedot siirretään ilman suostumusta (perusopetuslaki 40 §); muut tiedot vain huoltajan yksilöidyllä kirjallisella suostumuksella.', 'Uppgifter som är nödvändiga för undervisningen överförs utan samtycke (40 §); andra uppgifter endast med vårdnadshavarens specificerade skriftliga samtycke.', 'Information essential for arranging teaching is transferred without consent (§ 40); other information only with the guardian’s specified written consent.'),
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
      { id: 'support', kind: 'multiline', label: t('Käytössä oleva tuki (välttämättömät tiedot)', 'Stöd i bruk (nödvändiga uppgifter)', 'Support in use (essential information)'), required: true, maxLength: 1500, sensitive: true },
      { id: 'consent', kind: 'toggle', label: t('Huoltajan kirjallinen suostumus muiden tietojen siirtoon on saatu', 'Vårdnadshavarens skriftliga samtycke finns', "The guardian's written consent to transfer other information is on file") },
      { id: 'consentScope', kind: 'multiline', label: t('Suostumuksen laajuus: mitä muita tietoja saa siirtää', 'Samtyckets omfattning', 'Scope of consent: what else may be transferred'), maxLength: 800, sensitive: true },
    ],
    submitters: 'staff',
    onSubmit: 'case',
    planSection: 'lomakkeisto/nivelvaihe',
    service: 'rehtori',
    // Other information than what teaching needs moves only with the guardian's specified consent.
    check: (v) => (typeof v.consentScope === 'string' && v.consentScope !== '' && v.consent !== true ? [{ field: 'consent', code: 'mustConfirm' }] : []),
  }),
  define({
    id: 'kokous',
    title: t('Kokous', 'Möte', 'Meeting'),
    intro: t('Opiskeluhuoltoryhmän tai yhteistyöryhmän kokous (Europe/Helsinki).', 'Elevhälsogruppens eller samarbetsgruppens möte.', "A welfare group's or the cooperation group's meeting (Europe/Helsinki)."),
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
      { id: 'dates', kind: 'text', label: t('Päivät (luetellut)', 'Dagar (angivna)', 'Dates (listed)'), maxLength: 600, placeholder: t('esim. 13.2.2027, 7.5.2027, 10.9.2027, 12.11.2027', 't.ex. 13.2.2027, 7.5.2027', 'e.g. 13.2.2027, 7.5.2027') },
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
    intro: t('Yhteisöllisen ryhmän asialistalla ei käsitellä yksittäistä oppilasta.', 'Den gemensamma gruppens lista behandlar aldrig en enskild elev.', 'The communal group’s agenda never concerns an individual pupil.'),
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

/** "13.2.2027, 7.5.2027" → ['2027-02-13', '2027-05-07']; undefined when any part is not a real date. */
export function parseDateList(text: string): string[] | undefined {
  const parts = text.split(/[,;\s]+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  const out: string[] = [];
  for (const p of parts) {
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(p) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(p);
    if (!m) return undefined;
    const [y, mo, d] = p.includes('-') ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
    const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const dt = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(dt.getTime()) || dt.toISOString().slice(0, 10) !== iso) return undefined;
    out.push(iso);
  }
  return out;
}
