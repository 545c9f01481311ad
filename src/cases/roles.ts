import type { Container } from '@azure/cosmos';
import { statusOf } from '../store/errors';
import { withStoreRetry } from '../store/retry';
import type { Person } from './model';
import { queryDocs } from '../store/documents';

/** Who holds which student welfare role at which school, kept in Cosmos and managed by admins. */
export type Role = 'kuraattori' | 'psykologi' | 'terveydenhoitaja' | 'rehtori' | 'erityisopettaja' | 'koordinaattori';
/** `koordinaattori` runs the school's staff well-being surveys (src/surveys); it opens no cases. */
export const ROLES: Role[] = ['kuraattori', 'psykologi', 'terveydenhoitaja', 'rehtori', 'erityisopettaja', 'koordinaattori'];

export interface RoleGrant {
  id: string;
  tenantId: string;
  schoolId: string;
  role: Role;
  user: Person;
  grantedBy: string;
  at: string;
}

export class Roles {
  constructor(private readonly container: Container) {}

  private static id(schoolId: string, role: Role, user: Person): string {
    return `${schoolId}:${role}:${user.aadObjectId ?? user.userId}`.replace(/[/\\?#]/g, '_');
  }

  async grant(tenantId: string, schoolId: string, role: Role, user: Person, by: string): Promise<void> {
    // Upsert: granting a role twice is the same as granting it once.
    await withStoreRetry(() => this.container.items.upsert({ id: Roles.id(schoolId, role, user), tenantId, schoolId, role, user, grantedBy: by, at: new Date().toISOString() }));
  }

  async revoke(tenantId: string, schoolId: string, role: Role, user: Person): Promise<boolean> {
    try {
      await withStoreRetry(() => this.container.item(Roles.id(schoolId, role, user), tenantId).delete());
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw err;
    }
  }

  async of(tenantId: string, user: { userId: string; aadObjectId?: string }): Promise<RoleGrant[]> {
    return queryDocs<RoleGrant>(this.container, 'SELECT * FROM c WHERE c.tenantId = @t AND (c.user.userId = @u OR (IS_DEFINED(c.user.aadObjectId) AND c.user.aadObjectId = @a))', {
      t: tenantId,
      u: user.userId,
      a: user.aadObjectId ?? '-',
    });
  }

  async holders(tenantId: string, schoolId: string, roles: Role[]): Promise<RoleGrant[]> {
    return queryDocs<RoleGrant>(this.container, 'SELECT * FROM c WHERE c.tenantId = @t AND c.schoolId = @s AND ARRAY_CONTAINS(@r, c.role)', { t: tenantId, s: schoolId, r: roles });
  }

  async all(tenantId: string): Promise<RoleGrant[]> {
    const { resources } = await this.container.items.query<RoleGrant>({ query: 'SELECT * FROM c WHERE c.tenantId = @t', parameters: [{ name: '@t', value: tenantId }] }).fetchAll();
    return resources.sort((a, b) => `${a.schoolId}${a.role}${a.user.name}`.localeCompare(`${b.schoolId}${b.role}${b.user.name}`));
  }
}
