import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Application-level encryption of sensitive case fields (free text, health) before they reach Cosmos:
 * AES-256-GCM with a random 96-bit IV per value; the key id is stored with the value, so keys can rotate
 * (new writes use the first key, old values still decrypt with theirs). Pupil identifiers get a keyed
 * hash (HMAC-SHA256) so a GDPR request can find a pupil's records without storing the name in clear.
 * Signatures (links that prove a tenant) use a key derived per purpose (HKDF), never the encryption key itself.
 */
export interface Encrypted {
  kid: string;
  iv: string;
  tag: string;
  data: string;
}

export class KeyRing {
  private constructor(
    private readonly keys: Map<string, Buffer>,
    readonly currentKid: string,
    readonly generated: boolean,
  ) {}

  /** "kid1:base64key[,kid0:base64key…]" — the first key encrypts new values. Empty = a fresh development key. */
  static fromEnv(spec: string | undefined): KeyRing {
    if (!spec) return new KeyRing(new Map([['dev', randomBytes(32)]]), 'dev', true);
    const keys = new Map<string, Buffer>();
    for (const part of spec
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [kid, b64] = part.split(':');
      const key = Buffer.from(b64 ?? '', 'base64');
      if (!kid || key.length !== 32) throw new Error(`CASE_KEYS: key "${kid ?? '?'}" must be 32 bytes in base64 (kid:base64)`);
      keys.set(kid, key);
    }
    if (keys.size === 0) throw new Error('CASE_KEYS: no keys');
    return new KeyRing(keys, [...keys.keys()][0], false);
  }

  encrypt(plain: string): Encrypted {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKid)!, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return { kid: this.currentKid, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  }

  decrypt(e: Encrypted): string {
    const key = this.keys.get(e.kid);
    if (!key) throw new Error(`No key "${e.kid}" to decrypt with`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(e.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(e.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(e.data, 'base64')), decipher.final()]).toString('utf8');
  }

  /** JSON value → encrypted value (free text at rest: tickets, FAQ, feedback). */
  seal(value: unknown): Encrypted {
    return this.encrypt(JSON.stringify(value));
  }

  open<T>(e: Encrypted): T {
    return JSON.parse(this.decrypt(e)) as T;
  }

  /** HMAC-SHA256 (base64url) of `text` with the current key's subkey for `purpose`. */
  sign(purpose: string, text: string): string {
    return this.signWith(this.currentKid, purpose, text);
  }

  /** True when `signature` was made by `sign(purpose, text)` with any key of the ring (keys rotate). */
  verify(purpose: string, text: string, signature: string): boolean {
    const given = Buffer.from(signature, 'base64url');
    return [...this.keys.keys()].some((kid) => {
      const expected = Buffer.from(this.signWith(kid, purpose, text), 'base64url');
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
  }

  private signWith(kid: string, purpose: string, text: string): string {
    const subkey = Buffer.from(hkdfSync('sha256', this.keys.get(kid)!, Buffer.alloc(0), `opari:${purpose}`, 32));
    return createHmac('sha256', subkey).update(text).digest('base64url');
  }

  /** Keyed lookup hash of normalized text (case and repeated spaces ignored), with the current key. */
  lookupHash(text: string): string {
    return this.lookupHashes(text)[0];
  }

  /** The lookup hash under every key, current first: records written before a rotation are still found. */
  lookupHashes(text: string): string[] {
    const normalized = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    const kids = [this.currentKid, ...[...this.keys.keys()].filter((k) => k !== this.currentKid)];
    return kids.map((kid) => createHmac('sha256', this.keys.get(kid)!).update(normalized).digest('hex'));
  }
}
