import { createLogger } from '../../src/log';
import { Cases } from '../../src/cases/repository';
import { openStore, type Store } from '../../src/store/cosmos';
import { startTestStore, type TestStore } from '../helpers/store';

describe('case numbers', () => {
  let test: TestStore;
  let store: Store;
  let cases: Cases;

  beforeAll(async () => {
    test = await startTestStore('numbers');
    store = await openStore({ endpoint: test.cosmos.endpoint, key: test.env.COSMOS_KEY, database: 'numbers' }, createLogger('silent'));
    cases = new Cases(store.container('cases'), store.container('counters'));
  });
  afterAll(async () => {
    await store.close();
    await test.stop();
  });

  it('hands out 1..N with no gaps and no repeats to 60 concurrent writers', async () => {
    const numbers = await Promise.all(Array.from({ length: 60 }, (_, i) => cases.allocate('region-a', 2026, `case-${i}`)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('gives a retried allocation for the same case the same number', async () => {
    const [a, b, c] = await Promise.all([cases.allocate('region-b', 2026, 'same'), cases.allocate('region-b', 2026, 'same'), cases.allocate('region-b', 2026, 'same')]);
    expect(new Set([a, b, c])).toEqual(new Set([1]));
    expect(await cases.allocate('region-b', 2026, 'next')).toBe(2);
  });

  it('counts per region and year', async () => {
    expect(await cases.allocate('region-c', 2027, 'x')).toBe(1);
    expect(await cases.allocate('region-c', 2028, 'x')).toBe(1);
  });
});
