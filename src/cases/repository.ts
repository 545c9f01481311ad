import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { ConflictError, statusOf } from '../store/errors';
import { type Changed, changeDoc, queryDocs, readDoc, updateDoc } from '../store/documents';
import { withStoreRetry } from '../store/retry';
import type { CaseDoc } from './model';

interface CounterDoc {
  id: string;
  next: number;
  /** The last numbers handed out, by case id: a retried allocation for the same case gets the same number. */
  recent: Record<string, number>;
  _etag?: string;
}

const RECENT = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Case id from the idempotency key (conversation, card message, user, form): same submit → same id. */
export function caseIdFor(idempotencyKey: string): string {
  return `c${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}`;
}

export class Cases {
  constructor(
    private readonly cases: Container,
    private readonly counters: Container,
    private readonly prefix = 'OH',
  ) {}

  /**
   * Creates the case once. A duplicate submit (double click, Teams retry, replayed invoke) gets the
   * existing case back (409 on the same id) with `duplicate: true`. The number is allocated after the
   * create, so a duplicate never consumes a number.
   */
  async create(doc: Omit<CaseDoc, 'number'>, year: number): Promise<{ case: CaseDoc; duplicate: boolean }> {
    let created: CaseDoc;
    let duplicate = false;
    try {
      created = (await withStoreRetry(() => this.cases.items.create(doc))).resource as unknown as CaseDoc;
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
      duplicate = true;
      created = (await this.get(doc.schoolId, doc.id))!;
    }
    if (created.number) return { case: created, duplicate };
    return { case: await this.assignNumber(created, year), duplicate };
  }

  /** Allocates the case's number (or finds the one already allocated to it) and writes it on the case. */
  private async assignNumber(c: CaseDoc, year: number): Promise<CaseDoc> {
    const n = await this.allocate(c.tenantId, year, c.id);
    const number = `${this.prefix}-${year}-${String(n).padStart(4, '0')}`;
    for (let attempt = 0; attempt < 8; attempt++) {
      const current = attempt === 0 ? c : await this.get(c.schoolId, c.id);
      if (!current) throw new Error('case vanished while numbering');
      if (current.number) return current;
      try {
        const { resource } = await withStoreRetry(() => this.cases.item(c.id, c.schoolId).replace({ ...current, number }, { accessCondition: { type: 'IfMatch', condition: current._etag! } }));
        return resource as unknown as CaseDoc;
      } catch (err) {
        if (statusOf(err) !== 412) throw err;
      }
    }
    throw new ConflictError('case');
  }

  /**
   * Per tenant (region) and year, numbers 1, 2, 3… with no gaps and no repeats under any number of
   * concurrent writers: the counter document is updated only under its ETag, and it remembers which case
   * got which number, so a retry for the same case cannot take a second one.
   */
  async allocate(tenantId: string, year: number, caseId: string): Promise<number> {
    const id = `${tenantId}:${year}`;
    for (let attempt = 0; attempt < 200; attempt++) {
      let counter: CounterDoc | undefined;
      try {
        counter = (await this.counters.item(id, id).read<CounterDoc>()).resource ?? undefined;
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
      }
      if (!counter) {
        try {
          await this.counters.items.create({ id, next: 1, recent: {} });
        } catch (err) {
          if (statusOf(err) !== 409) throw err; // someone else created it: read again
        }
        continue;
      }
      if (counter.recent[caseId]) return counter.recent[caseId];
      const n = counter.next;
      const recent = Object.fromEntries([...Object.entries(counter.recent), [caseId, n]].slice(-RECENT));
      try {
        await this.counters.item(id, id).replace({ id, next: n + 1, recent }, { accessCondition: { type: 'IfMatch', condition: counter._etag! } });
        return n;
      } catch (err) {
        const status = statusOf(err);
        if (status !== 412 && status !== 429) throw err;
        await sleep(Math.random() * Math.min(50, 2 + attempt * 2)); // jitter: contenders spread out
      }
    }
    throw new ConflictError('case');
  }

  get(schoolId: string, id: string): Promise<CaseDoc | undefined> {
    return readDoc<CaseDoc>(this.cases, id, schoolId);
  }

  async byNumber(tenantId: string, number: string): Promise<CaseDoc | undefined> {
    const { resources } = await this.cases.items
      .query<CaseDoc>({
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.number = @n',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@n', value: number },
        ],
      })
      .fetchAll();
    return resources[0];
  }

  /** Read-modify-write under the case's ETag; `change` returns undefined to leave it as it is. */
  update(schoolId: string, id: string, change: (c: CaseDoc) => CaseDoc | undefined): Promise<CaseDoc | undefined> {
    return updateDoc(this.cases, id, schoolId, change, 'case');
  }

  /** `update` that says whether it wrote, starting from `known` without a read while its ETag holds. */
  change(schoolId: string, id: string, change: (c: CaseDoc) => CaseDoc | undefined, known?: CaseDoc): Promise<Changed<CaseDoc>> {
    return changeDoc(this.cases, id, schoolId, change, 'case', { known });
  }

  async delete(schoolId: string, id: string): Promise<boolean> {
    try {
      await withStoreRetry(() => this.cases.item(id, schoolId).delete());
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw err;
    }
  }

  /** Cases whose channel notice is not recorded as sent after `before` (all schools), fewer than `maxAttempts` tries. */
  async unnoticed(before: string, maxAttempts: number): Promise<CaseDoc[]> {
    return queryDocs<CaseDoc>(
      this.cases,
      "SELECT * FROM c WHERE IS_DEFINED(c.deliveries.notice) AND c.deliveries.notice.state != 'sent' AND c.deliveries.notice.attempts < @max AND c.createdAt < @before",
      { before, max: maxAttempts },
    );
  }

  /** Cases whose note to the new assignee is not recorded as sent, due before `before`, fewer than `maxAttempts` tries. */
  async unheardHandovers(before: string, maxAttempts: number): Promise<CaseDoc[]> {
    return queryDocs<CaseDoc>(
      this.cases,
      "SELECT * FROM c WHERE IS_DEFINED(c.deliveries.handover) AND c.deliveries.handover.state != 'sent' AND c.deliveries.handover.attempts < @max AND c.deliveries.handover.since < @before",
      { before, max: maxAttempts },
    );
  }

  /** Open cases past their due date whose handlers have not all been reminded yet (all schools). */
  async overdue(today: string): Promise<CaseDoc[]> {
    return queryDocs<CaseDoc>(this.cases, "SELECT * FROM c WHERE c.status != 'paattynyt' AND IS_DEFINED(c.due) AND c.due.date < @today AND NOT IS_DEFINED(c.overdueRemindedAt)", { today });
  }

  /** Cases a person started or is responsible for (their own list), across the tenant's schools. */
  async involving(tenantId: string, user: { userId: string; aadObjectId?: string }): Promise<CaseDoc[]> {
    return queryDocs<CaseDoc>(
      this.cases,
      'SELECT * FROM c WHERE c.tenantId = @t AND (c.initiator.userId = @u OR c.initiator.aadObjectId = @a OR (IS_DEFINED(c.assignee) AND (c.assignee.userId = @u OR c.assignee.aadObjectId = @a)))',
      { t: tenantId, u: user.userId, a: user.aadObjectId ?? '-' },
    );
  }

  /** Every case whose pupil key is one of `keys` (GDPR access request). */
  async byPupil(tenantId: string, keys: string[]): Promise<CaseDoc[]> {
    return queryDocs<CaseDoc>(this.cases, 'SELECT * FROM c WHERE c.tenantId = @t AND ARRAY_CONTAINS(@keys, c.pupilKey)', { t: tenantId, keys });
  }
}
