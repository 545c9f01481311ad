import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { Answer } from '../plan/answer';
import type { Plan, PlanSection } from '../plan/model';
import { PlanIndex } from '../plan/search';
import type { Encrypted, KeyRing } from '../store/crypto';
import { readDoc } from '../store/documents';
import { statusOf } from '../store/errors';
import { withStoreRetry } from '../store/retry';
import { FAQ_PREFIX, type FaqLinks } from './faqLinks';

/**
 * Questions and answers that experts chose to keep. Every instance finds a new entry within two seconds:
 * a question reads the tenant's FAQ version (one point read, at most every FAQ_FRESHNESS_MS) and, when it
 * changed, rebuilds the index of plan + FAQ, so FAQ answers are ranked on the same scale as the plan's.
 * The question and answer (the expert's reviewed wording) are encrypted at rest like case data; entries are
 * kept while the tenant uses them (they are its knowledge base), in memory only decrypted.
 */
export { FAQ_PREFIX };
export interface FaqEntry {
  id: string;
  tenantId: string;
  question: string;
  answer: string;
  lang: 'fi' | 'sv' | 'en';
  answeredBy: string;
  createdAt: string;
  ticketId?: string;
}

/** As stored: everything but the free text in clear. */
type StoredEntry = Omit<FaqEntry, 'question' | 'answer'> & { kind: 'entry'; secret: Encrypted };

interface Cached {
  etag: string;
  /** The plan's index this was built on: a newly published plan rebuilds it. */
  base: PlanIndex;
  checkedAt: number;
  entries: Map<string, FaqEntry>;
  index: PlanIndex;
}

/** How long an instance trusts its FAQ version before reading it again: a new entry is found within this. */
export const FAQ_FRESHNESS_MS = 2000;

export class Faq {
  private readonly cache = new Map<string, Cached>();
  private readonly checking = new Map<string, Promise<Cached>>();
  /** Entries this instance added per tenant: a check that began before an addition is not cached. */
  private readonly added = new Map<string, number>();

  private readonly base: () => PlanIndex;

  /** `base`: the plan's index, or a function giving the one in force (it changes when a plan is published). */
  constructor(
    private readonly container: Container,
    base: PlanIndex | (() => PlanIndex),
    private readonly keys: KeyRing,
    private readonly links: FaqLinks,
  ) {
    this.base = typeof base === 'function' ? base : () => base;
  }

  async add(entry: Omit<FaqEntry, 'id' | 'createdAt'>, now = new Date()): Promise<FaqEntry> {
    const full: FaqEntry = { ...entry, id: `${FAQ_PREFIX}${randomUUID().slice(0, 8)}`, createdAt: now.toISOString() };
    const { question, answer, ...clear } = full;
    const stored: StoredEntry = { ...clear, kind: 'entry', secret: this.keys.seal({ question, answer }) };
    await withStoreRetry(() => this.container.items.create(stored));
    // The version document's ETag changes on every upsert: that is what other instances watch.
    await withStoreRetry(() => this.container.items.upsert({ id: 'version', tenantId: entry.tenantId, kind: 'version', at: now.toISOString(), last: full.id }));
    // This instance sees it on the next question (a check already under way is not kept); others within FAQ_FRESHNESS_MS.
    this.cache.delete(entry.tenantId);
    this.checking.delete(entry.tenantId);
    this.added.set(entry.tenantId, (this.added.get(entry.tenantId) ?? 0) + 1);
    return full;
  }

  /**
   * The tenant's cached index, checked against the version document at most every FAQ_FRESHNESS_MS and
   * rebuilt when the plan in force changes (a publish). Turns that arrive together while a check is under
   * way share it: one read, not one per conversation.
   */
  private load(tenantId: string): Promise<Cached> {
    const base = this.base();
    const known = this.cache.get(tenantId);
    if (known && known.base === base && Date.now() - known.checkedAt < FAQ_FRESHNESS_MS) return Promise.resolve(known);
    let pending = this.checking.get(tenantId);
    if (!pending) {
      const check = this.refresh(tenantId, known, base).finally(() => {
        if (this.checking.get(tenantId) === check) this.checking.delete(tenantId);
      });
      pending = check;
      this.checking.set(tenantId, check);
    }
    return pending;
  }

  private async refresh(tenantId: string, known: Cached | undefined, base: PlanIndex): Promise<Cached> {
    const additions = this.added.get(tenantId) ?? 0;
    let etag = 'none';
    try {
      const { resource } = await this.container.item('version', tenantId).read<{ _etag: string }>();
      if (resource) etag = resource._etag;
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
    if (known && known.etag === etag && known.base === base) {
      known.checkedAt = Date.now();
      return known;
    }
    const { resources } = await this.container.items
      .query<StoredEntry>({ query: "SELECT * FROM c WHERE c.tenantId = @t AND c.kind = 'entry'", parameters: [{ name: '@t', value: tenantId }] })
      .fetchAll();
    const entries = new Map(resources.map((e) => [e.id, this.decrypt(e)]));
    const index = entries.size ? new PlanIndex(withFaq(base.plan, [...entries.values()]), base.glossary) : base;
    const next: Cached = { etag, base, checkedAt: Date.now(), entries, index };
    if ((this.added.get(tenantId) ?? 0) === additions) this.cache.set(tenantId, next);
    return next;
  }

  /** The index to answer a tenant's questions with: the plan, plus the tenant's FAQ when it has one. */
  async indexFor(tenantId: string): Promise<PlanIndex> {
    return (await this.load(tenantId)).index;
  }

  /** The answer as its asker's tenant may follow it: FAQ citations carry links signed for that tenant. */
  signLinks(answer: Answer, tenantId: string): Answer {
    return this.links.sign(answer, tenantId);
  }

  /** The entry a signed link points at (its FAQ page), 'expired' for an old link, undefined for anything else. */
  async entryForLink(id: string, params: URLSearchParams): Promise<FaqEntry | 'expired' | undefined> {
    const link = this.links.check(id, params);
    if (!link.ok) return link.reason === 'expired' ? 'expired' : undefined;
    const stored = await readDoc<StoredEntry>(this.container, id, link.tenantId);
    return stored?.kind === 'entry' ? this.decrypt(stored) : undefined;
  }

  private decrypt(e: StoredEntry): FaqEntry {
    const { question, answer } = this.keys.open<{ question: string; answer: string }>(e.secret);
    return { id: e.id, tenantId: e.tenantId, lang: e.lang, answeredBy: e.answeredBy, createdAt: e.createdAt, ...(e.ticketId ? { ticketId: e.ticketId } : {}), question, answer };
  }
}

function withFaq(plan: Plan, entries: FaqEntry[]): Plan {
  const sections = new Map<string, PlanSection>(plan.sections);
  for (const e of entries) {
    const blocks = [{ kind: 'paragraph' as const, text: e.answer }];
    sections.set(e.id, {
      id: e.id,
      order: 0,
      title: { [e.lang]: e.question },
      lang: e.lang,
      keywords: {},
      forms: [],
      law: [],
      reviewed: e.createdAt.slice(0, 10),
      body: { [e.lang]: blocks },
      childIds: [],
    });
  }
  return { ...plan, sections };
}
