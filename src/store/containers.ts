/**
 * Every Cosmos container Opari uses, with its partition key: the one place that documents them.
 * Partition keys follow the main query of each container (see ARCHITECTURE "Data in Cosmos").
 */
export interface ContainerSpec {
  id: string;
  partitionKey: string;
  purpose: string;
  /** Seconds; -1 enables per-document TTL without a default. */
  defaultTtl?: number;
}

export const containers = {
  /** teams-ai conversation and user state; point reads by hashed storage key. */
  state: { id: 'state', partitionKey: '/id', purpose: 'teams-ai turn state (conversation, user), ETag-guarded' },
  /** Where Opari can talk proactively; listed per tenant. */
  conversations: { id: 'conversations', partitionKey: '/tenantId', purpose: 'conversation references for proactive messages' },
} as const satisfies Record<string, ContainerSpec>;

export type ContainerName = keyof typeof containers;
