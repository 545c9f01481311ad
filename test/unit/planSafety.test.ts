import { detectDanger } from '../../src/plan/safety';

describe('acute danger in a message', () => {
  it('hears a pupil who no longer wants to live, however it is put', () => {
    for (const m of [
      'Oppilas kertoi, ettei halua enää elää. Mitä teen heti?',
      'hän sanoi ettei jaksa enää elää',
      'eleven säger att hon inte vill leva längre',
      "he said he doesn't want to live anymore",
    ]) {
      expect([m, detectDanger(m)]).toEqual([m, 'selfharm']);
    }
  });

  it('hears self-harm in spoken Finnish and in other inflections and languages', () => {
    for (const m of [
      'oppilas puhu et haluu satuttaa ittensä, mitä teen nyt',
      'se sano et haluis kuolla',
      'poika satutti itseään välitunnilla',
      'tyttö on satuttanu itteään',
      'puhui itsarista',
      'ei haluu elää enää',
      'hon har skurit sig i armarna',
      'eleven vill ta sitt liv',
      'he has been hurting himself',
      'she keeps harming herself',
      'Kahdeksasluokkalainen kertoi välitunnilla miettineensä itsensä satuttamista. Mitä teen seuraavaksi?',
      'oppilas puhui itsensä vahingoittamisesta',
      'se on aatellu ittensä satuttamista',
      'worried about self-injury in year 8',
    ]) {
      expect([m, detectDanger(m)]).toEqual([m, 'selfharm']);
    }
  });

  it('does not raise an alarm for an ordinary welfare question', () => {
    for (const m of [
      'miten kuraattorille pääsee ja kuinka nopeasti',
      'satutin polveni liikuntatunnilla, kuka täyttää tapaturmailmoituksen',
      'haluan elää terveellisemmin, onko henkilökunnalle tukea',
      'lyön vetoa että tämä löytyy suunnitelmasta',
      // The ban on misusing what one learned in an expert group is no abuse of a child.
      'Mitä hyväksikäyttökielto tarkoittaa opiskeluhuollossa?',
    ]) {
      expect([m, detectDanger(m)]).toEqual([m, undefined]);
    }
  });

  it('hears abuse however the verb is put', () => {
    for (const m of ['epäilen että oppilasta on käytetty hyväksi', 'isäpuoli on käyttänyt häntä hyväksi', 'hyväksikäytetty lapsi']) {
      expect([m, detectDanger(m)]).toEqual([m, 'abuse']);
    }
  });
});
