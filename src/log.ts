import pino from 'pino';

/**
 * Structured JSON logs on stdout. Log ids (activity, conversation, tenant, correlation), never message text,
 * names or pupil data: student welfare data must not leak into log storage.
 */
export type Logger = pino.Logger;

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service: 'opari' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Defence in depth: if a field with one of these names is ever logged, its value is dropped.
    redact: { paths: ['text', 'name', 'userName', 'body', 'description', '*.text', '*.name', '*.body'], censor: '[redacted]' },
  });
}

/**
 * An error for a log line: its type and where it happened, without its message (the first line of the
 * stack), which may quote user input or data.
 */
export function errInfo(err: unknown): { type: string; at: string } {
  const e = err as Error | undefined;
  return { type: e?.name ?? typeof err, at: (e?.stack ?? '').split('\n').slice(1, 8).map((l) => l.trim()).join(' | ') };
}
