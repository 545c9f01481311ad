import type { Container } from '@azure/cosmos';
import { readDoc } from '../store/documents';
import { statusOf } from '../store/errors';
import { withStoreRetry } from '../store/retry';
import type { ChosenAction, SurveyChannel } from './model';
import type { ComputedResults } from './results';

/** A closed round's thresholded results: kept (aggregates only) for the trend across rounds. */
export interface RoundResults extends ComputedResults {
  id: string;
  tenantId: string;
  kind: 'results';
  roundId: string;
  surveyId: string;
  title: string;
  closedOn: string;
  createdAt: string;
}

/**
 * The surveyResults container, by tenant: what is kept after a round (results), what the welfare groups
 * chose to do about them (actions), and each school's survey channel. Nothing here names a respondent.
 */
export class SurveyResults {
  constructor(private readonly container: Container) {}

  /** Stores a round's results once; a second close (another instance, a retry) finds them (409) and keeps the first. */
  async put(r: RoundResults): Promise<RoundResults> {
    try {
      await withStoreRetry(() => this.container.items.create(r));
      return r;
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
      return (await this.get(r.tenantId, r.roundId))!;
    }
  }

  get(tenantId: string, roundId: string): Promise<RoundResults | undefined> {
    return readDoc<RoundResults>(this.container, `results-${roundId}`, tenantId);
  }

  /** Earlier rounds of the same survey, oldest first (the trend). */
  async ofSurvey(tenantId: string, surveyId: string): Promise<RoundResults[]> {
    const { resources } = await this.container.items
      .query<RoundResults>({ query: "SELECT * FROM c WHERE c.kind = 'results' AND c.surveyId = @s", parameters: [{ name: '@s', value: surveyId }] }, { partitionKey: tenantId })
      .fetchAll();
    return resources.sort((a, b) => a.closedOn.localeCompare(b.closedOn) || a.createdAt.localeCompare(b.createdAt));
  }

  async putAction(a: ChosenAction): Promise<void> {
    await withStoreRetry(() => this.container.items.upsert(a));
  }

  getAction(tenantId: string, id: string): Promise<ChosenAction | undefined> {
    return readDoc<ChosenAction>(this.container, id, tenantId);
  }

  async actionsOf(tenantId: string, roundId: string): Promise<ChosenAction[]> {
    const { resources } = await this.container.items
      .query<ChosenAction>({ query: "SELECT * FROM c WHERE c.kind = 'action' AND c.fromRoundId = @r", parameters: [{ name: '@r', value: roundId }] }, { partitionKey: tenantId })
      .fetchAll();
    return resources;
  }

  async setChannel(ch: SurveyChannel): Promise<void> {
    await withStoreRetry(() => this.container.items.upsert(ch));
  }

  async channels(tenantId: string): Promise<SurveyChannel[]> {
    const { resources } = await this.container.items.query<SurveyChannel>({ query: "SELECT * FROM c WHERE c.kind = 'channel'" }, { partitionKey: tenantId }).fetchAll();
    return resources;
  }
}
