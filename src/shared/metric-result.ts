/**
 * Every section of a snapshot is a MetricResult: a value, or an error with a reason.
 * A missing sensor never throws out of sample(); it becomes one of these.
 */
export type ErrorReason = 'unsupported' | 'permission' | 'unavailable' | 'failed';

export const ERROR_REASONS: readonly ErrorReason[] = ['unsupported', 'permission', 'unavailable', 'failed'];

export interface MetricError {
  readonly reason: ErrorReason;
  readonly message: string;
}

export type MetricResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: MetricError };

export function ok<T>(value: T): MetricResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(reason: ErrorReason, message: string): MetricResult<T> {
  return { ok: false, error: { reason, message } };
}

/** The value of a result, or undefined when the section failed or was not requested. */
export function valueOf<T>(result: MetricResult<T> | undefined): T | undefined {
  return result?.ok ? result.value : undefined;
}
