import type { FieldDef } from '../fields';
import type { FormDef } from '../registry';
import { asialista } from './asialista';
import { avustajatarve } from './avustajatarve';
import { kokous } from './kokous';
import { kotiopetus } from './kotiopetus';
import { muistio } from './muistio';
import { nivelvaihe } from './nivelvaihe';
import { tuenTarve } from './tuen-tarve';
import { uusiAsia } from './uusi-asia';

/**
 * The plan's forms (lomakkeisto) in catalogue order: first the forms that open an
 * individual pupil's case, routed to the service that handles them (they take the region's school field),
 * then the meeting forms. Fields follow the domain notes (shared/domain/student-welfare-fi.md §3).
 */
export function formDefinitions(school: () => FieldDef): FormDef[] {
  return [uusiAsia(school), tuenTarve(school), avustajatarve(school), kotiopetus(school), nivelvaihe(school), kokous, asialista, muistio];
}
