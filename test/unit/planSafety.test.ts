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

  it('does not raise an alarm for an ordinary welfare question', () => {
    expect(detectDanger('miten kuraattorille pääsee ja kuinka nopeasti')).toBeUndefined();
  });
});
