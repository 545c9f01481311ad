import { join } from 'node:path';
import { reportingUnits, responseBand, suppress } from '../../src/surveys/anonymity';
import { loadSurveys, parseSurvey, scoredItems } from '../../src/surveys/definitions';
import { parseAnswer } from '../../src/surveys/answers';
import { computeResults, type ResultInput } from '../../src/surveys/results';
import { maskNames, namePatterns } from '../../src/surveys/mask';

const surveys = loadSurveys(join(__dirname, '..', '..', 'content', 'surveys'));
const pulse = surveys.get('pulse')!;
const communal = surveys.get('communal')!;

/** n answers for a school; every scored item answered `v` unless given. */
function answers(schoolId: string, n: number, values: Record<string, number | string> = {}): ResultInput['answers'] {
  return Array.from({ length: n }, (_, k) => ({
    schoolId,
    values: {
      vigour: 4,
      exhaustion: 2,
      workload: 3,
      influence: 5,
      respect: 4,
      sharedTask: 5,
      workAbility: 8,
      ...values,
      ...(typeof values.improve === 'string' ? { improve: `${values.improve} ${k}` } : {}),
    },
  }));
}

function compute(def = pulse, schools: { id: string; invited: number; municipality?: string; followUp?: { actionId: string; text: string } }[], all: ResultInput['answers']) {
  const units = reportingUnits(schools.map((s) => ({ schoolId: s.id, municipality: s.municipality ?? 'Esimerkkikunta', invited: s.invited }))).map((u) => {
    const fu = schools.find((s) => s.id === u.of)?.followUp;
    return { ...u, ...(fu ? { followUp: fu } : {}) };
  });
  return computeResults({ def, units, answers: all, mask: (t) => t, shuffle: (xs) => xs });
}

const unit = (r: ReturnType<typeof compute>, id: string) => r.units.find((u) => u.unitId === id)!;
const numbersOf = (u: { respondents: number | null; index: number | null; items: { n: number | null; mean: number | null; favourable: number | null }[]; scales: { mean: number | null }[] }) =>
  [u.respondents, u.index, ...u.items.flatMap((s) => [s.n, s.mean, s.favourable]), ...u.scales.map((s) => s.mean)].filter((x) => x !== null);

describe('survey definitions', () => {
  it('ship a 7-item pulse and a longer communal survey, every item saying what it measures', () => {
    expect([...surveys.keys()].sort()).toEqual(['communal', 'pulse']);
    expect(pulse.items.filter((i) => !i.background)).toHaveLength(7);
    expect(pulse.items.find((i) => i.id === 'exhaustion')?.reverse).toBe(true);
    expect(pulse.items.find((i) => i.id === 'workAbility')?.type).toBe('scale010');
    expect(communal.items.filter((i) => !i.background).length).toBeGreaterThan(12);
    for (const def of surveys.values()) for (const i of def.items) expect(i.measures.length).toBeGreaterThan(20);
  });

  it('refuses a definition with a reversed choice item, an unknown scale item or a missing language', () => {
    const item = { id: 'a', type: 'agree5', construct: 'x', measures: 'what it measures', short: { fi: 'a', sv: 'a', en: 'a' }, text: { fi: 'a', sv: 'a', en: 'a' } };
    const base = { id: 'x', title: item.text, intro: item.text, minutes: 2, items: [item] };
    expect(() => parseSurvey(base)).not.toThrow();
    expect(() =>
      parseSurvey({
        ...base,
        items: [
          {
            ...item,
            type: 'choice',
            background: 'profession',
            reverse: true,
            choices: [
              { value: 'a', title: item.text },
              { value: 'b', title: item.text },
            ],
          },
        ],
      }),
    ).toThrow(/reverse-scored/);
    expect(() => parseSurvey({ ...base, scales: [{ id: 's', title: item.text, items: ['a', 'nope'] }] })).toThrow(/unknown item .*nope/);
    expect(() => parseSurvey({ ...base, items: [{ ...item, text: { fi: 'a', sv: 'a' } }] })).toThrow();
    // A comma inside an unquoted YAML flow mapping turns into an extra key: refused, not silently dropped.
    expect(() => parseSurvey({ ...base, items: [{ ...item, text: { ...item.text, 'psykologi tai terveydenhoitaja': null } }] })).toThrow(/Unrecognized key/);
  });

  it('reads a submitted card: empty items are skipped, wrong values are named, an empty answer is refused', () => {
    expect(parseAnswer(pulse, [], { vigour: '4', exhaustion: '', workAbility: '0', profession: 'teacher', roundId: 'r1' })).toEqual({
      ok: true,
      values: { vigour: 4, workAbility: 0, profession: 'teacher' },
    });
    expect(parseAnswer(pulse, [], { vigour: '6', workAbility: '11', profession: 'astronaut' })).toEqual({
      ok: false,
      empty: false,
      problems: [
        { field: 'vigour', code: 'choice' },
        { field: 'workAbility', code: 'choice' },
        { field: 'profession', code: 'choice' },
      ],
    });
    expect(parseAnswer(pulse, [], { vigour: '' })).toEqual({ ok: false, empty: true, problems: [] });
    expect(parseAnswer(communal, [], { improve: 'x'.repeat(501) })).toMatchObject({ ok: false, problems: [{ field: 'improve', code: 'tooLong' }] });
    expect(parseAnswer(communal, [], { improve: '<script>x</script>' })).toMatchObject({ ok: false, problems: [{ field: 'improve', code: 'markup' }] });
  });
});

describe('anonymity rules', () => {
  it('hides a cell under the threshold and the next-smallest with it', () => {
    expect(
      [
        ...suppress(
          [
            { key: 'a', n: 3 },
            { key: 'b', n: 12 },
            { key: 'c', n: 6 },
            { key: 'd', n: 30 },
          ],
          5,
        ),
      ].sort(),
    ).toEqual(['a', 'c']);
    expect([
      ...suppress(
        [
          { key: 'a', n: 6 },
          { key: 'b', n: 12 },
        ],
        5,
      ),
    ]).toEqual([]);
    // Two hidden cells holding only 3 answers together: a third is hidden too.
    expect(
      [
        ...suppress(
          [
            { key: 'a', n: 1 },
            { key: 'b', n: 2 },
            { key: 'c', n: 7 },
            { key: 'd', n: 9 },
          ],
          5,
        ),
      ].sort(),
    ).toEqual(['a', 'b', 'c']);
  });

  it('pools schools with fewer than 8 invited per municipality', () => {
    const units = reportingUnits([
      { schoolId: 'big', municipality: 'A', invited: 20 },
      { schoolId: 's1', municipality: 'A', invited: 7 },
      { schoolId: 's2', municipality: 'A', invited: 4 },
      { schoolId: 's3', municipality: 'B', invited: 3 },
    ]);
    expect(units.map((u) => [u.id, u.schoolIds])).toEqual([
      ['school:big', ['big']],
      ['municipality:A', ['s1', 's2']],
      ['municipality:B', ['s3']],
    ]);
    expect(responseBand(7, 10)).toBe('good');
    expect(responseBand(3, 10)).toBe('low');
  });
});

describe('survey results', () => {
  it('a school with 4 answers shows no numbers at all, and the next-smallest school is hidden with it', () => {
    const r = compute(
      pulse,
      [
        { id: 'small', invited: 10 },
        { id: 'mid', invited: 12 },
        { id: 'big', invited: 30 },
      ],
      [...answers('small', 4), ...answers('mid', 9), ...answers('big', 25)],
    );
    expect(numbersOf(unit(r, 'school:small'))).toEqual([]);
    expect(numbersOf(unit(r, 'school:mid'))).toEqual([]);
    expect(unit(r, 'school:big').respondents).toBe(25);
    expect(unit(r, 'school:big').items.find((s) => s.key === 'vigour')?.favourable).toBe(1);
    expect(r.region.respondents).toBe(38);
  });

  it('9 answers show numbers but no free text; 10 show the free text', () => {
    const nine = compute(
      communal,
      [
        { id: 'a', invited: 12 },
        { id: 'b', invited: 12 },
      ],
      [...answers('a', 9, { openness: 4, improve: 'Enemmän yhteistä aikaa' }), ...answers('b', 10, { openness: 2, improve: 'Selkeämmät säännöt' })],
    );
    expect(unit(nine, 'school:a').respondents).toBe(9);
    expect(unit(nine, 'school:a').items.find((s) => s.key === 'openness')?.mean).toBe(4);
    expect(unit(nine, 'school:a').freeText).toEqual([]);
    expect(unit(nine, 'school:b').freeText[0].texts).toHaveLength(10);
    expect(unit(nine, 'school:b').freeText[0].texts[0]).toContain('Selkeämmät säännöt');
  });

  it('reverse-scored items count disagreement as favourable; 0–10 counts from 8', () => {
    const r = compute(pulse, [{ id: 'a', invited: 10 }], [...answers('a', 5, { exhaustion: 1, workAbility: 7 }), ...answers('a', 5, { exhaustion: 5, workAbility: 9 })]);
    const a = unit(r, 'school:a');
    expect(a.items.find((s) => s.key === 'exhaustion')).toMatchObject({ n: 10, mean: 3, favourable: 0.5 });
    expect(a.items.find((s) => s.key === 'workAbility')).toMatchObject({ mean: 8, favourable: 0.5 });
    expect(a.scales.find((s) => s.key === 'coping')?.n).toBe(10);
  });

  it('never breaks profession down within a school; at region level each profession needs 5, with complementary suppression', () => {
    const r = compute(
      pulse,
      [
        { id: 'a', invited: 20 },
        { id: 'b', invited: 20 },
      ],
      [
        ...answers('a', 6, { profession: 'teacher' }),
        ...answers('b', 6, { profession: 'teacher' }),
        ...answers('a', 1, { profession: 'welfare' }),
        ...answers('b', 6, { profession: 'assistant' }),
        ...answers('a', 7),
      ],
    );
    for (const u of r.units) expect(JSON.stringify(u)).not.toMatch(/teacher|welfare|assistant/);
    const shown = r.professions.map((p) => p.value);
    expect(shown).not.toContain('welfare');
    // The only other small cell (assistant, 6) is hidden with it, or "region minus the rest" gives it away.
    expect(shown).toEqual(['teacher']);
  });

  it('a breakdown by part of the school needs 10 answers per part', () => {
    const r = compute(
      communal,
      [{ id: 'a', invited: 40 }],
      [...answers('a', 12, { schoolPart: 'grades1to2' }), ...answers('a', 11, { schoolPart: 'grades7to9' }), ...answers('a', 4, { schoolPart: 'grades3to6' })],
    );
    // grades3to6 (4) is hidden, so the next-smallest part (11) is hidden too.
    expect(unit(r, 'school:a').parts.map((p) => p.value)).toEqual(['grades1to2']);
  });

  it('shows whether the chosen action helped, beside the action, only with 5 answers', () => {
    const fu = { actionId: 'x', text: 'Yhteinen kahvihetki perjantaisin' };
    const r = compute(
      pulse,
      [
        { id: 'a', invited: 10, followUp: fu },
        { id: 'b', invited: 10, followUp: fu },
      ],
      [...answers('a', 6, { followUp: 5 }), ...answers('b', 6, { followUp: 2 }), ...answers('b', 3)],
    );
    expect(unit(r, 'school:a').followUp).toMatchObject({ text: fu.text, stat: { n: 6, favourable: 1 } });
    expect(unit(r, 'school:b').followUp?.stat.n).toBe(6);
  });

  it('names the strongest and the weakest item', () => {
    const r = compute(pulse, [{ id: 'a', invited: 10 }], answers('a', 8, { workload: 1, sharedTask: 5 }));
    expect(unit(r, 'school:a').weakest).toBe('workload');
    expect(scoredItems(pulse).map((i) => i.id)).toContain(unit(r, 'school:a').strongest);
  });
});

describe('free-text masking', () => {
  const known = namePatterns(['Aino Virtanen', 'Mikko Korhonen']);
  it('masks invitees in any case ending, name pairs and capitalised words inside a sentence', () => {
    const out = maskNames('Ainolle ja Virtaselle kiitos. Toivon että Pekka Pouta ja rehtori kuuntelisivat, kuten Matti sanoi.', known, new Set(['Koivurinteen']));
    expect(out).not.toMatch(/Aino|Virtase|Pekka|Pouta|Matti/);
    expect(out).toContain('rehtori kuuntelisivat');
  });
  it('keeps known terms, sentence starts and school names; masks e-mail and phone', () => {
    expect(maskNames('Koivurinteen koulussa Wilma toimii. Syksyllä kokeillaan.', known, new Set(['Koivurinteen']))).toBe('Koivurinteen koulussa Wilma toimii. Syksyllä kokeillaan.');
    expect(maskNames('soita 040 123 4567 tai aino@example.fi', known)).toBe('soita [***] tai [***]');
  });
  it('keeps month and weekday names in Finnish, Swedish and English, but not a name beside them', () => {
    for (const text of ['Kokous siirtyi Tammikuu ja Keskiviikko sopivat.', 'Vi ses i Mars eller på Onsdag.', 'We meet on Wednesday or in March.']) expect(maskNames(text, known)).toBe(text);
    expect(maskNames('We meet on Wednesday with Pekka Pouta.', known)).toBe('We meet on Wednesday with [***] [***].');
  });
});
