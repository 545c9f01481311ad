import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { withStoreRetry } from '../store/retry';

/**
 * Every read and change of a case, and every role grant and revocation (a grant decides who may read
 * cases): who, what, when, from which conversation. Partitioned by month (writes spread over time; a case's
 * trail is a cross-partition query by case id, an admin-only read). Entries hold ids, never case content,
 * and outlive the case they describe.
 */
export type AuditAction = 'created' | 'read' | 'listed' | 'denied' | 'status' | 'assigned' | 'handed-over' | 'exported' | 'deleted' | 'reminded' | 'duplicate-submit' | 'role-granted' | 'role-revoked';

export interface AuditEntry {
  id: string;
  month: string;
  /** The case; none on a role grant or revocation, whose `detail` is school:role:person (ids). */
  caseId?: string;
  caseNumber?: string;
  action: AuditAction;
  by: string;
  conversationId?: string;
  at: string;
  detail?: string;
}

export class AuditLog {
  constructor(private readonly container: Container) {}

  async record(e: Omit<AuditEntry, 'id' | 'month' | 'at'>, now = new Date()): Promise<void> {
    const at = now.toISOString();
    await withStoreRetry(() => this.container.items.create({ ...e, id: randomUUID(), month: at.slice(0, 7), at }));
  }

  async trail(caseId: string): Promise<AuditEntry[]> {
    const { resources } = await this.container.items.query<AuditEntry>({ query: 'SELECT * FROM c WHERE c.caseId = @id', parameters: [{ name: '@id', value: caseId }] }).fetchAll();
    return resources.sort((a, b) => a.at.localeCompare(b.at));
  }
}
