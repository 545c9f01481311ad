import { casesFi } from './cases/fi';
import { expertFi } from './expert/fi';
import { meetingsFi } from './meetings/fi';
import type { Messages } from './messages';
import { planFi } from './plan/fi';
import { surveysFi } from './surveys/fi';

export const fi: Messages = {
  welcome: {
    title: 'Hei, olen Opari 👋',
    intro: 'Autan opiskeluhuollon arjessa: vastaan alueen opiskeluhuoltosuunnitelmaa koskeviin kysymyksiin, avaan suunnitelman lomakkeet ja pidän opiskeluhuoltoryhmien kokoukset järjestyksessä.',
    features: [
      { title: 'Kysy suunnitelmasta', text: 'Esim. "millä perusteella oppilas saa avustajan?" – saat suunnitelman oman tekstin ja lähteen.' },
      { title: 'Lomakkeet', text: 'Yhteydenotto opiskeluhuoltoon, tuen tarpeen arviointi, avustajatarve, kotiopetus ja nivelvaihe.' },
      { title: 'Kokoukset', text: 'Opiskeluhuoltoryhmien ja alueellisen yhteistyöryhmän kokoukset, asialistat, muistiot ja muistutukset.' },
    ],
    privacy: 'Älä kirjoita oppilaan tietoja tavalliseen viestiin. Oppilasta koskevat asiat kirjataan vain lomakkeille, jotka näkyvät vain niille, joille ne kuuluvat.',
    askButton: 'Kysy suunnitelmasta',
    formsButton: 'Lomakkeet',
    meetingsButton: 'Kokoukset',
    helpHint: 'Kirjoita "apua" milloin tahansa, niin näet tämän uudelleen.',
    thanks: 'Ole hyvä! Kysy lisää milloin tahansa.',
    nudge: 'Kirjoita kysymyksesi suunnitelmasta tai "apua", niin näet, mitä osaan.',
    bye: 'Hei hei! Kysy minulta milloin tahansa.',
  },
  forms: {
    listTitle: 'Lomakkeet',
    listIntro: 'Opiskeluhuoltosuunnitelman lomakkeet. Oppilasta koskevat lomakkeet täytetään henkilökohtaisessa keskustelussa Oparin kanssa.',
    open: 'Avaa',
    submit: 'Lähetä',
    choose: 'Valitse',
    yes: 'Kyllä',
    privacy: '🔒 Oppilaan tiedot tallennetaan salattuina ja näkyvät vain asian käsittelijöille. Kanavalle lähtee ilmoitus ilman oppilaan tietoja.',
    checkFields: 'Tarkista merkityt kentät. Antamasi tiedot ovat tallessa lomakkeella.',
    tooLarge: 'Lomakkeen tiedot ovat liian suuret, eikä mitään tallennettu. Lyhennä tekstejä ja lähetä uudelleen.',
    problems: {
      required: 'Pakollinen tieto.',
      tooLong: 'Teksti on liian pitkä.',
      choice: 'Valitse jokin vaihtoehdoista.',
      date: 'Anna päivämäärä muodossa pp.kk.vvvv.',
      future: 'Päivä ei voi olla tulevaisuudessa.',
      tooOld: 'Päivä on yli vuoden takaa: tarkista vuosi.',
      time: 'Anna kellonaika muodossa tt:mm.',
      markup: 'Tekstissä ei saa olla HTML-koodia tai skriptejä.',
      mustConfirm: 'Tämä on vahvistettava ennen lähettämistä.',
      type: 'Arvo on väärää muotoa.',
      unknownField: 'Tuntematon kenttä.',
    },
    personalOnly:
      'Oppilasta koskeva lomake täytetään vain henkilökohtaisessa keskustelussa Oparin kanssa, ei kanavalla eikä ryhmäkeskustelussa. Avaa Opari omana keskustelunaan ja kirjoita "lomakkeet".',
    unknownForm: 'Lomaketta ei löytynyt.',
    noSchools: 'Alueen kouluja ei ole määritelty (content/schools.yml).',
  },
  actions: {
    unknown: 'Tätä painiketta ei voi enää käyttää. Kirjoita "apua", niin näet mitä Opari osaa.',
    sentToPersonal: 'Asian tiedot lähetettiin henkilökohtaiseen keskusteluusi Oparin kanssa.',
    openPersonally: 'Avaa asia henkilökohtaisessa keskustelussa Oparin kanssa: kirjoita siellä "omat asiat".',
  },
  surveys: surveysFi,
  error: 'Pahoittelut, jokin meni vikaan eikä pyyntöäsi voitu käsitellä. Yritä hetken päästä uudelleen. Jos vika toistuu, kerro ylläpidolle tunniste {id}.',
  conflict: 'Joku muu muutti tätä samaan aikaan, eikä muutostasi tallennettu. Katso, miltä tilanne nyt näyttää, ja yritä uudelleen.',
  tenantRefused: 'Opari ei ole käytössä tässä organisaatiossa.',
  language: {
    changed: 'Kieli on nyt suomi.',
    choose: 'Kielet ovat suomi, ruotsi ja englanti, esimerkiksi "kieli ruotsi".',
  },
  ...casesFi,
  ...meetingsFi,
  ...planFi,
  ...expertFi,
};
