import type { FieldDef, L10n } from './fields';
import { schemaFor } from './fields';
import type { FormDef } from './registry';

/** Helpers for declaring forms: localized text, the pupil's identifying fields, the zod schema from the fields. */
export const t = (fi: string, sv: string, en: string): L10n => ({ fi, sv, en });

export const pupil: FieldDef[] = [
  { id: 'pupilName', kind: 'text', label: t('Oppilaan nimi', 'Elevens namn', "Pupil's name"), required: true, maxLength: 100, identifying: true },
  { id: 'pupilClass', kind: 'text', label: t('Luokka', 'Klass', 'Class'), required: true, maxLength: 10, identifying: true, placeholder: t('esim. 5B', 't.ex. 5B', 'e.g. 5B') },
];

export function define(f: Omit<FormDef, 'schema' | 'template'>): FormDef {
  return { ...f, template: 'form', schema: schemaFor(f.fields) };
}
