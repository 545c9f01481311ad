import { createHash } from 'node:crypto';
import type { Container, ItemDefinition } from '@azure/cosmos';
import type { Storage, StoreItems, TurnContext } from 'botbuilder';
import { TurnState } from '@microsoft/teams-ai/lib/TurnState';
import { ConflictError, statusOf } from '../store/errors';
import { withStoreRetry } from '../store/retry';

interface StateDoc extends ItemDefinition {
  id: string;
  key: string;
  value: Record<string, unknown>;
  _etag?: string;
}

/**
 * teams-ai / botbuilder `Storage` on Cosmos with optimistic concurrency: an item read with an eTag is
 * written back only if nobody changed it meanwhile (IfMatch), so two instances never silently overwrite
 * each other's conversation state. Keys are hashed because Cosmos ids cannot contain '/'.
 */
export class CosmosStorage implements Storage {
  constructor(private readonly container: Container) {}

  private static id(key: string): string {
    return createHash('sha256').update(key).digest('hex');
  }

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const id = CosmosStorage.id(key);
        try {
          const { resource } = await withStoreRetry(() => this.container.item(id, id).read<StateDoc>());
          if (resource) out[key] = { ...resource.value, eTag: resource._etag };
        } catch (err) {
          if (statusOf(err) !== 404) throw err;
        }
      }),
    );
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const id = CosmosStorage.id(key);
        const { eTag, ...value } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
        const doc: StateDoc = { id, key, value };
        try {
          if (eTag && eTag !== '*') {
            await withStoreRetry(() => this.container.item(id, id).replace(doc, { accessCondition: { type: 'IfMatch', condition: eTag } }));
          } else {
            await withStoreRetry(() => this.container.items.upsert(doc));
          }
        } catch (err) {
          const status = statusOf(err);
          // 412: another instance or turn changed the item since it was read; the turn must be retried.
          if (status === 412) throw new ConflictError('state');
          // 404: the item was deleted after we read it; our write recreates it.
          if (status === 404) await withStoreRetry(() => this.container.items.create(doc));
          else throw err;
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        const id = CosmosStorage.id(key);
        try {
          await withStoreRetry(() => this.container.item(id, id).delete());
        } catch (err) {
          if (statusOf(err) !== 404) throw err;
        }
      }),
    );
  }
}

/**
 * Turn state with the user scope only. Opari keeps nothing per conversation (in a channel a conversation
 * is a single thread; what belongs to a channel is in its own containers), so a turn reads one state
 * document instead of two. The conversation scope is not loaded: using it fails loudly.
 */
export class UserTurnState extends TurnState {
  protected override async onComputeStorageKeys(context: TurnContext): Promise<Record<string, string>> {
    const { user } = await super.onComputeStorageKeys(context);
    return { user };
  }
}
