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
