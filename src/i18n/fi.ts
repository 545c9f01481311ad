import type { Messages } from './messages';

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
  },
  coming: {
    ask: 'Suunnitelmaa koskevat vastaukset ovat tulossa pian. Sillä välin: kirjoita "apua" nähdäksesi, mitä Opari osaa.',
    forms: 'Lomakkeet ovat tulossa pian Opariin.',
    meetings: 'Kokoukset ja muistutukset ovat tulossa pian Opariin.',
  },
  fallback: 'En vielä osaa vastata tähän. Kirjoita "apua", niin näet, mitä osaan.',
  error: 'Pahoittelut, jokin meni vikaan eikä pyyntöäsi voitu käsitellä. Yritä hetken päästä uudelleen. Jos vika toistuu, kerro ylläpidolle tunniste {id}.',
  tenantRefused: 'Opari ei ole käytössä tässä organisaatiossa.',
};
