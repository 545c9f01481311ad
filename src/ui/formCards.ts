import { todayInHelsinki } from '../time/helsinki';
import type { FieldProblem } from '../forms/fields';
import type { FormDef } from '../forms/registry';
import type { Lang, Messages } from '../i18n';
import { renderCard } from './cards';

/** A form as a card: the user's values kept, each problem next to its field. */
export function formCard(
  form: FormDef,
  lang: Lang,
  m: Messages,
  state: { values?: Record<string, string>; problems?: FieldProblem[]; generalError?: string; meetingId?: string } = {},
): Record<string, unknown> {
  const problems = new Map((state.problems ?? []).map((p) => [p.field, p.code]));
  return renderCard('form', {
    title: form.title[lang],
    intro: form.intro[lang],
    generalError: state.generalError ?? (problems.size ? m.forms.checkFields : ''),
    choosePlaceholder: m.forms.choose,
    yes: m.forms.yes,
    fields: form.fields.map((f) => ({
      id: f.id,
      kind: f.kind,
      label: f.label[lang],
      required: !!f.required && f.kind !== 'toggle',
      requiredMessage: m.forms.problems.required,
      placeholder: f.placeholder?.[lang] ?? '',
      maxLength: f.maxLength ?? (f.kind === 'multiline' ? 2000 : 200),
      value: state.values?.[f.id] ?? (f.kind === 'toggle' ? 'false' : f.upToToday ? todayInHelsinki() : ''),
      choices: (f.choices ?? []).map((c) => ({ title: c.title[lang], value: c.value })),
      error: problems.has(f.id) ? m.forms.problems[problems.get(f.id)!] : '',
    })),
    privacy: m.forms.privacy,
    submitLabel: m.forms.submit,
    formId: form.id,
    meetingId: state.meetingId ?? '',
  });
}

export function formsListCard(forms: FormDef[], lang: Lang, m: Messages, hints: Record<string, string>): Record<string, unknown> {
  return renderCard('forms-list', {
    title: m.forms.listTitle,
    intro: m.forms.listIntro,
    forms: forms.map((f) => ({ id: f.id, title: f.title[lang], hint: hints[f.id] ?? '', open: m.forms.open })),
  });
}
