import { formCatalog, type FormDef } from '../../src/forms/registry';
import { validateSubmission } from '../../src/forms/submit';
import { messages } from '../../src/i18n';
import { formCard } from '../../src/ui/formCards';

const schools = [{ id: 'koivurinne', name: 'Koivurinteen koulu', provider: 'esimerkkikunta' }];
const forms = formCatalog(schools);

/** A valid submission for each form, as Teams sends it (every input a string). */
const valid: Record<string, Record<string, unknown>> = {
  'uusi-asia': {
    school: 'koivurinne',
    pupilName: 'Matti Meikäläinen',
    pupilClass: '5B',
    initiator: 'opettaja',
    reason: 'oppiminen',
    description: 'Lukeminen on vaikeaa.',
    madeWith: 'both',
    pupilInformed: 'true',
    guardianInformed: 'true',
    urgency: 'normal',
    target: 'psykologi',
  },
  'tuen-tarve': {
    school: 'koivurinne',
    pupilName: 'Maija M',
    pupilClass: '3A',
    groupSupport: 'Tukiopetus 2 h/vko syksyn ajan.',
    strengths: 'Matematiikka',
    needs: 'Lukemisen tuki',
    pupilView: 'Haluaa lukea enemmän pienessä ryhmässä.',
    guardianView: 'Toivoo tukea jo syksyllä.',
    expertStatements: '',
    measures: 'osittain-pienryhma,apuvalineet',
    deviation: '',
    deviationSubjects: '',
    pupilHeard: 'true',
    guardianHeard: 'true',
    filledBy: 'Liisa Opettaja, luokanopettaja; Eero Erityisopettaja',
    filledOn: '2026-11-20',
  },
  avustajatarve: {
    school: 'koivurinne',
    pupilName: 'Pekka P',
    pupilClass: '1B',
    kind: 'henkilokohtainen',
    situations: 'Siirtymät ja ruokailu',
    hours: '10',
    health: '',
    expertStatement: 'true',
    homeHeard: 'true',
  },
  kotiopetus: {
    kind: 'kotiopetus',
    school: 'koivurinne',
    pupilName: 'Liisa L',
    pupilClass: '4C',
    startDate: '2027-01-08',
    guardianName: 'Leena L',
    guardianResponsibility: 'true',
    doctorStatement: 'false',
    healthReason: '',
  },
  nivelvaihe: {
    school: 'koivurinne',
    pupilName: 'Olli O',
    pupilClass: '6A',
    transition: 'ylakoulu',
    receiver: 'Lehtolan yhtenäiskoulu',
    support: 'Osittain pienryhmässä matematiikassa',
    consent: 'true',
    consentScope: 'Kaverisuhteisiin liittyvät tiedot',
  },
  kokous: { title: 'Yhteisöllinen OHR', date: '2026-12-03', time: '14:30', duration: '60', place: 'Opettajainhuone', recurrence: 'w2', until: '2027-05-27', dates: '' },
  asialista: { title: 'Kouluterveyskyselyn tulokset', details: '' },
  muistio: { attendance: 'Rehtori, kuraattori, terveydenhoitaja', decisions: 'Päätettiin välituntitoiminnasta.', tasks: '' },
};

/** The samples' dates are checked against a fixed day, so the tests do not age. */
const TODAY = '2026-12-04';

function problems(form: FormDef, data: Record<string, unknown>) {
  const r = validateSubmission(form, data, TODAY);
  return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`);
}

describe('form registry', () => {
  it('declares every required form once, each with titles in three languages, a plan section and a card template', () => {
    expect([...forms.keys()].sort()).toEqual(['asialista', 'avustajatarve', 'kokous', 'kotiopetus', 'muistio', 'nivelvaihe', 'tuen-tarve', 'uusi-asia']);
    for (const f of forms.values()) {
      for (const l of ['fi', 'sv', 'en'] as const) expect(f.title[l]).toBeTruthy();
      expect(f.planSection).toBe(`lomakkeisto/${f.id}`);
      expect(f.template).toBe('form');
      for (const field of f.fields) for (const l of ['fi', 'sv', 'en'] as const) expect([f.id, field.id, field.label[l]]).toEqual([f.id, field.id, expect.any(String)]);
    }
  });

  describe.each([...forms.keys()])('%s', (id) => {
    const form = forms.get(id)!;
    it('accepts a valid submission', () => {
      expect(problems(form, { formId: id, ...valid[id] })).toEqual([]);
    });
    it.each(form.fields.filter((f) => f.required).map((f) => f.id))('reports a missing required field %s next to it', (field) => {
      const data = { ...valid[id], [field]: field in valid[id] && typeof valid[id][field] === 'string' && (valid[id][field] === 'true' || valid[id][field] === 'false') ? 'false' : '' };
      expect(problems(form, data)).toContain(`${field}:${form.fields.find((f) => f.id === field)!.kind === 'toggle' ? 'mustConfirm' : 'required'}`);
    });
    it('refuses hostile input: unknown fields, wrong types, markup, oversized text', () => {
      expect(problems(form, { ...valid[id], injected: 'x' })).toContain('injected:unknownField');
      const text = form.fields.find((f) => f.kind === 'text' || f.kind === 'multiline')!;
      expect(problems(form, { ...valid[id], [text.id]: 12345 })).toContain(`${text.id}:type`);
      expect(problems(form, { ...valid[id], [text.id]: '<img src=x onerror=alert(1)>' })).toContain(`${text.id}:markup`);
      expect(problems(form, { ...valid[id], [text.id]: 'a'.repeat(5000) })).toContain(`${text.id}:tooLong`);
      const huge = validateSubmission(form, { ...valid[id], [text.id]: 'a'.repeat(1024 * 1024) });
      expect(huge.ok === false && huge.tooLarge).toBe(true);
    });
  });

  it("applies the law's cross-field rules", () => {
    const referral = forms.get('uusi-asia')!;
    // OHL 16 §: not made together → the pupil must at least be told.
    expect(problems(referral, { ...valid['uusi-asia'], madeWith: 'none', pupilInformed: 'false' })).toEqual(['pupilInformed:mustConfirm']);
    expect(problems(referral, { ...valid['uusi-asia'], madeWith: 'none', pupilInformed: 'true' })).toEqual([]);
    // A personal assistant needs an expert statement.
    expect(problems(forms.get('avustajatarve')!, { ...valid.avustajatarve, expertStatement: 'false' })).toEqual(['expertStatement:mustConfirm']);
    // Home education: the guardian's responsibility; health grounds: a doctor's assessment.
    expect(problems(forms.get('kotiopetus')!, { ...valid.kotiopetus, guardianResponsibility: 'false' })).toEqual(['guardianResponsibility:mustConfirm']);
    expect(problems(forms.get('kotiopetus')!, { ...valid.kotiopetus, kind: 'terveys', doctorStatement: 'false' })).toEqual(['doctorStatement:mustConfirm']);
    // Other information than what teaching needs moves only with the guardian's consent (Perusopetuslaki 40 §).
    expect(problems(forms.get('nivelvaihe')!, { ...valid.nivelvaihe, consent: 'false' })).toEqual(['consent:mustConfirm']);
  });

  it('takes the day the pupil asked (OHL 15 §): optional, today by default, never in the future', () => {
    const referral = forms.get('uusi-asia')!;
    const field = referral.fields.find((f) => f.id === 'requestedOn')!;
    expect(field).toMatchObject({ kind: 'date', upToToday: true });
    expect(validateSubmission(referral, { ...valid['uusi-asia'], requestedOn: '2026-03-09' }, '2026-03-12')).toMatchObject({ ok: true, values: { requestedOn: '2026-03-09' } });
    expect(validateSubmission(referral, { ...valid['uusi-asia'], requestedOn: '2026-03-12' }, '2026-03-12').ok).toBe(true);
    const future = validateSubmission(referral, { ...valid['uusi-asia'], requestedOn: '2026-03-13' }, '2026-03-12');
    expect(future.ok === false && future.problems).toEqual([{ field: 'requestedOn', code: 'future' }]);
    expect(future.ok === false && future.raw.requestedOn).toBe('2026-03-13');
    // A year typed wrong is caught, not counted from: the deadline engine never sees 1.3.1926.
    const typo = validateSubmission(referral, { ...valid['uusi-asia'], requestedOn: '1926-03-01' }, '2026-03-12');
    expect(typo.ok === false && typo.problems).toEqual([{ field: 'requestedOn', code: 'tooOld' }]);
    expect(validateSubmission(referral, { ...valid['uusi-asia'], requestedOn: '2025-03-12' }, '2026-03-12').ok).toBe(true);
  });

  it('the support-need form asks what its documentation lists (views, expert statements, 20 h § / 20 i §, who and when)', () => {
    const form = forms.get('tuen-tarve')!;
    const ids = form.fields.map((f) => f.id);
    for (const id of ['pupilView', 'guardianView', 'expertStatements', 'deviation', 'deviationSubjects', 'filledBy', 'filledOn']) expect(ids).toContain(id);
    expect(form.fields.find((f) => f.id === 'deviation')?.choices?.map((c) => c.title.fi)).toEqual([expect.stringContaining('20 h §'), expect.stringContaining('20 i §')]);
    // A deviation is decided per subject: name them.
    expect(problems(form, { ...valid['tuen-tarve'], deviation: '20h' })).toEqual(['deviationSubjects:required']);
    expect(problems(form, { ...valid['tuen-tarve'], deviation: '20h,20i', deviationSubjects: 'Matematiikka' })).toEqual([]);
    expect(problems(form, { ...valid['tuen-tarve'], filledOn: '2999-01-01' })).toEqual(['filledOn:future']);
    // The order of the 2025 support process: assessment, then plan, then decision.
    expect(form.intro.fi).toMatch(/arviointi.*suunnitelma.*päätös/);
  });

  it('the transition form does not apply the Basic Education Act to early childhood education', () => {
    const intro = forms.get('nivelvaihe')!.intro;
    expect(intro.fi).toContain('varhaiskasvatuslaissa, ei perusopetuslaissa');
    expect(intro.en).toContain('Early Childhood Education and Care Act');
  });

  it('refuses a school, date or time that is not real', () => {
    expect(problems(forms.get('uusi-asia')!, { ...valid['uusi-asia'], school: 'hogwarts' })).toEqual(['school:choice']);
    expect(problems(forms.get('kokous')!, { ...valid.kokous, date: '2026-02-31x', time: '25:00' })).toEqual(['date:date', 'time:time']);
  });
});

describe('impossible dates in every form with a date field', () => {
  const dated = [...forms.values()].flatMap((form) => form.fields.filter((f) => f.kind === 'date').map((f) => [form.id, f.id] as const));

  it('covers the date fields of the forms', () => {
    expect(dated).toEqual(
      expect.arrayContaining([
        ['uusi-asia', 'requestedOn'],
        ['tuen-tarve', 'filledOn'],
        ['kotiopetus', 'startDate'],
        ['kokous', 'date'],
        ['kokous', 'until'],
      ]),
    );
  });

  describe.each(dated)('%s: %s', (formId, field) => {
    const form = forms.get(formId)!;
    it.each(['2026-02-30', '2026-02-31', '2026-04-31', '2027-02-29'])('refuses %s with the date error beside the field, in fi, sv and en, keeping the other values', (bad) => {
      const data = { ...valid[formId], [field]: bad };
      const r = validateSubmission(form, { formId, ...data }, TODAY);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems).toContainEqual({ field, code: 'date' });
      for (const lang of ['fi', 'sv', 'en'] as const) {
        const m = messages(lang);
        const card = formCard(form, lang, m, { values: r.raw, problems: r.problems });
        const inputs = collectInputs(card);
        expect(inputs.get(field)).toMatchObject({ value: bad, error: `⚠ ${m.forms.problems.date}` });
        for (const [id, value] of Object.entries(data)) if (typeof value === 'string') expect(inputs.get(id)?.value).toBe(value);
      }
    });
  });

  it('still accepts a leap day', () => {
    expect(problems(forms.get('kotiopetus')!, { formId: 'kotiopetus', ...valid['kotiopetus'], startDate: '2028-02-29' })).toEqual([]);
  });
});

/** Each input of a rendered card by id: its value and the error text shown right after it. */
function collectInputs(card: unknown): Map<string, { value: unknown; error: string }> {
  const out = new Map<string, { value: unknown; error: string }>();
  const walk = (items: unknown[]): void => {
    items.forEach((it, i) => {
      if (!it || typeof it !== 'object') return;
      const o = it as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') {
        const next = items[i + 1] as Record<string, unknown> | undefined;
        out.set(o.id, { value: o.value, error: next?.type === 'TextBlock' && typeof next.text === 'string' ? next.text : '' });
      }
      for (const v of Object.values(o)) if (Array.isArray(v)) walk(v);
    });
  };
  walk([card]);
  return out;
}
