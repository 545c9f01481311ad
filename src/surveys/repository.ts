import type { Container } from '@azure/cosmos';
import { readDoc, updateDoc } from '../store/documents';
import { statusOf } from '../store/errors';
import { withStoreRetry } from '../store/retry';
import type { Answer, AnsweredMark, Invitation, Round, SealedAnswers } from './model';

/** Creates a document; false when one with the same id exists (409): creates here are idempotent by id. */
async function createOnce(container: Container, doc: object): Promise<boolean> {
  try {
    await withStoreRetry(() => container.items.create(doc));
    return true;
  } catch (err) {
    if (statusOf(err) === 409) return false;
    throw err;
  }
}

/** Deletes a document; a missing one (404) is already gone. */
async function deleteQuietly(container: Container, id: string, partitionKey: string): Promise<void> {
  try {
    await withStoreRetry(() => container.item(id, partitionKey).delete());
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
  }
}

/** The surveyRounds container: a round and everything of it in the round's partition. */
export class SurveyRounds {
  constructor(private readonly container: Container) {}

  createRound(r: Round): Promise<boolean> {
    return createOnce(this.container, r);
  }

  getRound(roundId: string): Promise<Round | undefined> {
    return readDoc<Round>(this.container, roundId, roundId);
  }

  updateRound(roundId: string, change: (r: Round) => Round | undefined): Promise<Round | undefined> {
    return updateDoc(this.container, roundId, roundId, change, 'survey');
  }

  /** Rounds with work left: not closed, or closed with results still to deliver. Few at a time: one cross-partition query. */
  async active(): Promise<Round[]> {
    const { resources } = await this.container.items.query<Round>("SELECT * FROM c WHERE c.kind = 'round' AND (c.status != 'closed' OR c.finished = false)").fetchAll();
    return resources;
  }

  async ofTenant(tenantId: string): Promise<Round[]> {
    const { resources } = await this.container.items.query<Round>({ query: "SELECT * FROM c WHERE c.kind = 'round' AND c.tenantId = @t", parameters: [{ name: '@t', value: tenantId }] }).fetchAll();
    return resources.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  createInvitation(inv: Invitation): Promise<boolean> {
    return createOnce(this.container, inv);
  }

  getInvitation(roundId: string, id: string): Promise<Invitation | undefined> {
    return readDoc<Invitation>(this.container, id, roundId);
  }

  updateInvitation(roundId: string, id: string, change: (i: Invitation) => Invitation | undefined): Promise<Invitation | undefined> {
    return updateDoc(this.container, id, roundId, change, 'survey', 3);
  }

  /** Invitations to send now (pending and due, or claimed with an expired lease). */
  async dueInvitations(roundId: string, nowIso: string): Promise<Invitation[]> {
    return this.query<Invitation>(
      "SELECT * FROM c WHERE c.kind = 'invite' AND ((c.status = 'pending' AND (NOT IS_DEFINED(c.notBefore) OR c.notBefore <= @now)) OR (c.status = 'claimed' AND c.lease.until < @now))",
      roundId,
      nowIso,
    );
  }

  /** Sent invitations whose reminder is still to handle. */
  async dueReminders(roundId: string, nowIso: string): Promise<Invitation[]> {
    return this.query<Invitation>("SELECT * FROM c WHERE c.kind = 'invite' AND c.status = 'sent' AND (c.reminder = 'waiting' OR (c.reminder = 'claimed' AND c.lease.until < @now))", roundId, nowIso);
  }

  async invitations(roundId: string): Promise<Invitation[]> {
    return this.query<Invitation>("SELECT * FROM c WHERE c.kind = 'invite'", roundId);
  }

  /** Creates the "has answered" mark; false if it exists (the person answered already). */
  createMark(roundId: string, id: string): Promise<boolean> {
    const mark: AnsweredMark = { id, roundId, kind: 'answered' };
    return createOnce(this.container, mark);
  }

  async hasMark(roundId: string, id: string): Promise<boolean> {
    return (await readDoc<AnsweredMark>(this.container, id, roundId)) !== undefined;
  }

  deleteMark(roundId: string, id: string): Promise<void> {
    return deleteQuietly(this.container, id, roundId);
  }

  async createAnswer(a: Answer): Promise<void> {
    await withStoreRetry(() => this.container.items.create(a));
  }

  getAnswer(roundId: string, id: string): Promise<Answer | undefined> {
    return readDoc<Answer>(this.container, id, roundId);
  }

  async replaceAnswer(a: Answer): Promise<void> {
    await withStoreRetry(() => this.container.item(a.id, a.roundId).replace(a));
  }

  deleteAnswer(roundId: string, id: string): Promise<void> {
    return deleteQuietly(this.container, id, roundId);
  }

  answers(roundId: string): Promise<Answer[]> {
    return this.query<Answer>("SELECT * FROM c WHERE c.kind = 'answer'", roundId);
  }

  createSealed(s: SealedAnswers): Promise<boolean> {
    return createOnce(this.container, s);
  }

  sealed(roundId: string): Promise<SealedAnswers[]> {
    return this.query<SealedAnswers>("SELECT * FROM c WHERE c.kind = 'sealed'", roundId);
  }

  /** Deletes every document of a kind in a round (invitations and marks at close, sealed answers after the retention). */
  async deleteAll(roundId: string, kind: 'invite' | 'answered' | 'answer' | 'sealed'): Promise<number> {
    const docs = await this.query<{ id: string }>(`SELECT c.id FROM c WHERE c.kind = '${kind}'`, roundId);
    for (const d of docs) await deleteQuietly(this.container, d.id, roundId);
    return docs.length;
  }

  private async query<T>(query: string, roundId: string, nowIso?: string): Promise<T[]> {
    const { resources } = await this.container.items.query<T>({ query, parameters: nowIso ? [{ name: '@now', value: nowIso }] : [] }, { partitionKey: roundId }).fetchAll();
    return resources;
  }
}
