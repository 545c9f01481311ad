/**
 * A domain action that was not done, and why: the one shape every service returns for "no" (the person may
 * not, the thing is gone, the moment has passed), beside its result. The reason is data; the Teams edge
 * says it in the user's language in one place (src/teams/refusals.ts).
 */
export interface Refused<R extends string = string> {
  readonly refused: R;
}

/** The refusal with `reason`. */
export function refuse<R extends string>(reason: R): Refused<R> {
  return { refused: reason };
}

/** True for a refusal, narrowing a service's `Result | Refused<Reason>` to either side. */
export function isRefused<T>(value: T): value is Extract<T, Refused> {
  return typeof value === 'object' && value !== null && typeof (value as { refused?: unknown }).refused === 'string';
}
