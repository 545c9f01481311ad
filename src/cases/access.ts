import type { Service } from '../forms/registry';
import type { CaseDoc, Person } from './model';
import type { Role, RoleGrant } from './roles';

/** Which roles at the school handle a case of each service. */
export const SERVICE_ROLES: Record<Service, Role[]> = {
  kuraattori: ['kuraattori'],
  psykologi: ['psykologi'],
  terveydenhoitaja: ['terveydenhoitaja'],
  mar: ['kuraattori', 'psykologi', 'terveydenhoitaja'],
  rehtori: ['rehtori', 'erityisopettaja'],
};

export const same = (a: { userId: string; aadObjectId?: string }, b: { userId: string; aadObjectId?: string }) => a.userId === b.userId || (!!a.aadObjectId && a.aadObjectId === b.aadObjectId);

/**
 * Need to know (OHL; GDPR special categories): the case's initiator, its assigned person, and holders
 * of the case's service role at that school may read it. Nobody else, admins included (their export
 * is a separate, audited act).
 */
export function canRead(c: CaseDoc, user: { userId: string; aadObjectId?: string }, grants: RoleGrant[]): boolean {
  if (same(c.initiator, user)) return true;
  if (c.assignee && same(c.assignee, user)) return true;
  return grants.some((g) => g.schoolId === c.schoolId && SERVICE_ROLES[c.service].includes(g.role));
}

/** Handlers (role holders and the assignee) may change status and take responsibility. */
export function canHandle(c: CaseDoc, user: { userId: string; aadObjectId?: string }, grants: RoleGrant[]): boolean {
  if (c.assignee && same(c.assignee, user)) return true;
  return grants.some((g) => g.schoolId === c.schoolId && SERVICE_ROLES[c.service].includes(g.role));
}

/** Teams user ids that get the case's details through a user-specific view (Teams allows at most 60). */
export function viewers(c: Pick<CaseDoc, 'initiator' | 'assignee'>, holders: RoleGrant[]): string[] {
  const ids: Person[] = [c.initiator, ...(c.assignee ? [c.assignee] : []), ...holders.map((h) => h.user)];
  return [...new Set(ids.map((p) => p.userId))].slice(0, 60);
}
