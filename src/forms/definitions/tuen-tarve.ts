import { define, pupil, t } from '../define';
import type { FieldDef } from '../fields';
import type { FormDef } from '../registry';

/** Oppilaskohtaisen tuen tarpeen arviointi: the assessment that precedes the support plan and decision, handled by the principal. */
export function tuenTarve(school: () => FieldDef): FormDef {
  return define({
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
  });
}
