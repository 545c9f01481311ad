import { write } from 'node:fs';
import pino from 'pino';

/**
 * Structured JSON logs on stdout. Log ids (activity, conversation, tenant, correlation), never message text,
 * names or pupil data: student welfare data must not leak into log storage.
 */
export type Logger = pino.Logger;

/** Lines waiting for a slow reader are kept up to this many bytes; later ones are dropped. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;
const EAGAIN_RETRY_MS = 50;

/**
 * Log lines to file descriptor 1 without ever blocking the event loop. pino's default destination
 * (SonicBoom) flushes synchronously at exit and, when the pipe's reader is gone (EPIPE), sleeps 100 ms and
 * retries forever — the process then never exits and no signal can reach it. Here a closed pipe (EPIPE) or
 * any other write error ends logging, not the process; a reader that is only slow (EAGAIN) is retried by a
 * timer that does not keep the process alive; nothing is written synchronously at exit.
 */
class StdoutLines {
  private queue: Buffer[] = [];
  private queued = 0;
  private writing = false;
  private closed = false;
  private idle: (() => void)[] = [];

  write(line: string): void {
    if (this.closed) return;
    const buf = Buffer.from(line, 'utf8');
    if (this.queued + buf.length > MAX_QUEUED_BYTES) return;
    this.queue.push(buf);
    this.queued += buf.length;
    if (!this.writing) this.next();
  }

  /** Resolves when every queued line is written, logging has ended, or `timeoutMs` has passed. */
  flush(timeoutMs: number): Promise<void> {
    if (!this.writing || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(resolve, timeoutMs);
      t.unref();
      this.idle.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  /** Ends logging: what is still queued is dropped. */
  close(): void {
    this.closed = true;
    this.queue = [];
    this.queued = 0;
    this.settle();
  }

  private settle(): void {
    this.writing = false;
    for (const done of this.idle.splice(0)) done();
  }

  private next(): void {
    if (this.closed || this.queue.length === 0) return this.settle();
    this.writing = true;
    const chunk = this.queue.length === 1 ? this.queue[0] : Buffer.concat(this.queue);
    this.queue = [];
    write(1, chunk, 0, chunk.length, null, (err, written) => {
      if (err && (err as NodeJS.ErrnoException).code === 'EAGAIN') {
        this.queue.unshift(chunk);
        setTimeout(() => this.next(), EAGAIN_RETRY_MS).unref();
        return;
      }
      if (err) return this.close(); // EPIPE: nobody reads any more
      this.queued -= written;
      if (written < chunk.length) this.queue.unshift(chunk.subarray(written));
      this.next();
    });
  }
}

const stdoutLines = new StdoutLines();

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { service: 'opari' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Defence in depth: if a field with one of these names is ever logged, its value is dropped.
      redact: { paths: ['text', 'name', 'userName', 'body', 'description', '*.text', '*.name', '*.body'], censor: '[redacted]' },
    },
    stdoutLines,
  );
}

/** Writes what is queued (at most `timeoutMs`), then ends logging: call last, right before the process exits. */
export async function closeLogs(timeoutMs: number): Promise<void> {
  await stdoutLines.flush(timeoutMs);
  stdoutLines.close();
}

/**
 * An error for a log line: its type and where it happened, without its message (the first line of the
 * stack), which may quote user input or data.
 */
export function errInfo(err: unknown): { type: string; at: string } {
  const e = err as Error | undefined;
  return {
    type: e?.name ?? typeof err,
    at: (e?.stack ?? '')
      .split('\n')
      .slice(1, 8)
      .map((l) => l.trim())
      .join(' | '),
  };
}
