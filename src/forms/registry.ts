import type { z } from 'zod';
import { t } from './define';
import { formDefinitions } from './definitions';
import type { FieldDef, FieldProblem, L10n } from './fields';

/**
 * The plan's forms (lomakkeisto), each declared once: id, titles, fields (→ zod schema and card),
 * the card template, who may submit, what submission does and the plan section that describes it.
 * Fields follow the domain notes (shared/domain/student-welfare-fi.md §3).
 */
export type SubmitAction = 'case' | 'meeting' | 'agendaItem' | 'memo';
/** Role that handles a submitted form at the school (cases are routed to it). */
export type Service = 'kuraattori' | 'psykologi' | 'terveydenhoitaja' | 'mar' | 'rehtori';

export interface FormDef {
  id: string;
  title: L10n;
  intro: L10n;
  fields: FieldDef[];
  template: 'form';
  /** Who may submit: every staff member of the tenant, or a group role (meetings issue). */
  submitters: 'staff' | 'chair';
  onSubmit: SubmitAction;
  planSection: string;
  /** The handling service for a case: a fixed role, or the value of a field (uusi-asia's target). */
  service?: Service | { field: string };
  /** Cross-field rules (the law's, not just formats). */
  check?: (values: Record<string, unknown>) => FieldProblem[];
  schema: z.ZodObject<Record<string, z.ZodTypeAny>, 'strict'>;
}

export const SCHOOL_FIELD = 'school';

export interface School {
  id: string;
  name: string;
  provider: string;
  /** Where the school is (survey results of small schools are reported per municipality). */
  municipality?: string;
}

/** The catalogue for a region: its schools are the choices of every form's school field. */
export function formCatalog(schools: School[]): Map<string, FormDef> {
  const school = (): FieldDef => ({
    id: SCHOOL_FIELD,
    kind: 'choice',
    label: t('Koulu', 'Skola', 'School'),
    required: true,
    choices: schools.map((s) => ({ value: s.id, title: t(s.name, s.name, s.name) })),
  });
  return new Map(formDefinitions(school).map((f) => [f.id, f]));
}
