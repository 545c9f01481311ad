import type { Answer, SectionRef } from '../plan/answer';
import type { KeyRing } from '../store/crypto';

/**
 * Links to FAQ pages prove the reader's tenant: an FAQ entry is one tenant's data, so its page is served
 * only for a link Opari signed for that tenant (HMAC, CASE_KEYS), and only for a day. Plan pages stay
 * public (the plan is a public document). A link is handed out inside Teams, to a signed-in member of
 * the tenant, with the answer that cites it.
 */
/** Ids of FAQ entries; they sit in a tenant's index next to the plan's sections. */
export const FAQ_PREFIX = 'faq-';
export const FAQ_LINK_TTL_MS = 24 * 3600_000;
const PURPOSE = 'faq-link';

export type LinkCheck = { ok: true; tenantId: string } | { ok: false; reason: 'invalid' | 'expired' };

export class FaqLinks {
  constructor(
    private readonly keys: KeyRing,
    private readonly publicUrl: string,
    private readonly now: () => number = Date.now,
  ) {}

  url(id: string, tenantId: string): string {
    const expires = Math.floor((this.now() + FAQ_LINK_TTL_MS) / 1000);
    const sig = this.keys.sign(PURPOSE, `${id}|${tenantId}|${expires}`);
    return `${this.publicUrl}/faq/${id}?t=${encodeURIComponent(tenantId)}&e=${expires}&s=${sig}`;
  }

  check(id: string, params: URLSearchParams): LinkCheck {
    const tenantId = params.get('t') ?? '';
    const expires = params.get('e') ?? '';
    const sig = params.get('s') ?? '';
    if (!tenantId || !/^\d{1,12}$/.test(expires) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return { ok: false, reason: 'invalid' };
    if (!this.keys.verify(PURPOSE, `${id}|${tenantId}|${expires}`, sig)) return { ok: false, reason: 'invalid' };
    if (Number(expires) * 1000 < this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, tenantId };
  }

  /** The answer with every FAQ reference pointing at a link signed for the asker's tenant. */
  sign(answer: Answer, tenantId: string): Answer {
    const fix = <T extends SectionRef>(r: T): T => (r.id.startsWith(FAQ_PREFIX) ? { ...r, url: this.url(r.id, tenantId) } : r);
    if (answer.kind === 'none') return { ...answer, closest: answer.closest.map(fix) };
    return { ...answer, best: fix(answer.best), also: answer.also.map(fix), followUps: answer.followUps.map(fix), ranked: answer.ranked.map(fix) };
  }
}
