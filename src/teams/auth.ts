import { createPublicKey, verify } from 'node:crypto';

/**
 * Checks the Bot Framework token on an incoming activity, as botframework-connector's ChannelValidation
 * does (issuer, signature with the channel's published keys, lifetime with 5 min skew, audience = our app
 * id, key endorsement of the channel, serviceurl claim = the activity's serviceUrl), with what that
 * out-of-support library lacks: every fetch of the OpenID metadata and keys has a timeout and is shared by
 * concurrent requests, and every way a token can fail is an `Unauthorized` (HTTP 401), never a 500, a
 * hang, or a stack trace on the console.
 */
export const AUTH_FETCH_TIMEOUT_MS = 3000;
export const CHANNEL_ISSUER = 'https://api.botframework.com';
export const CHANNEL_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
const CLOCK_SKEW_S = 5 * 60;
const KEYS_MAX_AGE_MS = 24 * 3600_000;
/**
 * How soon a fetch may be tried again after the last attempt: an unknown key id (random ids must not make us
 * hammer the endpoint), stale keys, or no keys at all (then every token is refused fast until a fetch works).
 */
const REFETCH_AFTER_MS = { unknownKid: 5 * 60_000, stale: 60_000, none: 5_000 };
const HASH_OF: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };

export class Unauthorized extends Error {
  constructor(readonly reason: string) {
    super(`Unauthorized: ${reason}`);
    this.name = 'Unauthorized';
  }
}

interface Jwk {
  kid?: string;
  kty?: string;
  n?: string;
  e?: string;
  endorsements?: string[];
}

async function getJson(url: string, timeoutMs: number): Promise<Record<string, unknown>> {
  if (!/^https?:\/\//.test(url)) throw new Unauthorized('metadata');
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  if (!res.ok) throw new Unauthorized('metadata');
  return (await res.json()) as Record<string, unknown>;
}

/** The channel service's signing keys from its OpenID metadata: cached a day, one fetch at a time, bounded in time. */
export class OpenIdKeys {
  private keys = new Map<string, Jwk>();
  private fetchedAt = 0;
  private attemptedAt = 0;
  private inflight?: Promise<void>;

  constructor(
    private readonly metadataUrl: string,
    private readonly timeoutMs = AUTH_FETCH_TIMEOUT_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async get(kid: string): Promise<Jwk | undefined> {
    const wait = this.fetchedAt === 0 ? REFETCH_AFTER_MS.none : this.now() - this.fetchedAt > KEYS_MAX_AGE_MS ? REFETCH_AFTER_MS.stale : this.keys.has(kid) ? Infinity : REFETCH_AFTER_MS.unknownKid;
    if (this.now() - this.attemptedAt >= wait || this.inflight) {
      // A failed refresh keeps the keys we have (as the library does); with none at all the token cannot be checked.
      await this.refresh().catch(() => undefined);
      if (this.fetchedAt === 0) throw new Unauthorized('metadata');
    }
    return this.keys.get(kid);
  }

  private refresh(): Promise<void> {
    this.inflight ??= this.load().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async load(): Promise<void> {
    this.attemptedAt = this.now();
    const meta = await getJson(this.metadataUrl, this.timeoutMs);
    const jwks = await getJson(String(meta.jwks_uri ?? ''), this.timeoutMs);
    const keys = Array.isArray(jwks.keys) ? (jwks.keys as Jwk[]) : [];
    this.keys = new Map(keys.filter((k) => typeof k.kid === 'string').map((k) => [k.kid!, k]));
    this.fetchedAt = this.now();
  }
}

function part(b64url: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(b64url, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    /* not JSON */
  }
  throw new Unauthorized('malformed');
}

export interface TokenCheck {
  appId: string;
  keys: OpenIdKeys;
  issuer?: string;
  nowSeconds?: number;
}

/** Verifies `Authorization: Bearer <jwt>` for an activity; returns the token's claims or throws `Unauthorized`. */
export async function verifyChannelToken(authHeader: string, activity: { channelId?: string; serviceUrl?: string }, check: TokenCheck): Promise<Record<string, unknown>> {
  const m = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(authHeader.trim());
  if (!m) throw new Unauthorized(authHeader ? 'malformed' : 'missing');
  const header = part(m[1]);
  const claims = part(m[2]);
  // Only the RSA algorithms the channel signs with: no "none", no HS256 with the public key as its secret.
  const hash = typeof header.alg === 'string' ? HASH_OF[header.alg] : undefined;
  if (!hash) throw new Unauthorized('algorithm');
  if (typeof header.kid !== 'string' || !header.kid) throw new Unauthorized('key');
  if (claims.iss !== (check.issuer ?? CHANNEL_ISSUER)) throw new Unauthorized('issuer');
  const jwk = await check.keys.get(header.kid);
  if (!jwk || jwk.kty !== 'RSA' || !jwk.n || !jwk.e) throw new Unauthorized('key');
  let valid: boolean;
  try {
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
    valid = verify(hash, Buffer.from(`${m[1]}.${m[2]}`), key, Buffer.from(m[3], 'base64url'));
  } catch {
    valid = false;
  }
  if (!valid) throw new Unauthorized('signature');
  const now = check.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_S < now) throw new Unauthorized('expired');
  if (typeof claims.nbf === 'number' && claims.nbf - CLOCK_SKEW_S > now) throw new Unauthorized('not-yet-valid');
  if (claims.aud !== check.appId) throw new Unauthorized('audience');
  if (jwk.endorsements?.length && !jwk.endorsements.includes(activity.channelId ?? '')) throw new Unauthorized('endorsement');
  if (claims.serviceurl !== activity.serviceUrl) throw new Unauthorized('service-url');
  return claims;
}
