import { ImportError } from '../import/blocks';

/** Teams' limit for what Opari takes as a plan document; larger files are refused before they are read. */
export const MAX_PLAN_BYTES = 50 * 1024 * 1024;
const TIMEOUT_MS = 60_000;

/**
 * Fetches an uploaded file from its download URL (Teams gives a pre-authenticated, short-lived one), never
 * more than MAX_PLAN_BYTES: the declared length is checked first and the body is cut off at the limit.
 */
export async function download(url: string, opts: { allowHttp: boolean }): Promise<Buffer> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && !(opts.allowHttp && parsed.protocol === 'http:')) throw new ImportError('the download address is not https', 'invalid');
  const res = await fetch(parsed, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  if (!res.ok || !res.body) throw new Error(`download failed with HTTP ${res.status}`);
  if (Number(res.headers.get('content-length') ?? 0) > MAX_PLAN_BYTES) {
    await res.body.cancel();
    throw new ImportError('the file is larger than 50 MB', 'tooLarge');
  }
  const parts: Buffer[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_PLAN_BYTES) {
      await reader.cancel();
      throw new ImportError('the file is larger than 50 MB', 'tooLarge');
    }
    parts.push(Buffer.from(value));
  }
  return Buffer.concat(parts);
}
