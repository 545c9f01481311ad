import { pupilLabel } from '../../src/cases/service';

describe("the pupil as the initiator's own list shows them", () => {
  it.each([
    [{ pupilName: 'Matti Meikäläinen', pupilClass: '5B' }, 'M. M., 5B'],
    [{ pupilName: 'anna-liisa  östman', pupilClass: ' 9C ' }, 'A. L. Ö., 9C'],
    [{ pupilName: 'Åsa', pupilClass: '' }, 'Å.'],
    [{ pupilClass: '7A' }, '7A'],
    [{}, undefined],
  ])('%j → %j: initials and class, never the name', (values, expected) => {
    expect(pupilLabel(values)).toBe(expected);
  });
});
