/** A service outcome: `ok` with a value, or an error whose `code` is a string literal. */
export type Result<T, E extends { code: string }> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E extends { code: string }>(
  error: E,
): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** Compile-time exhaustiveness guard for switches over unions. */
export function assertExhaustive(value: never, message = "unexpected value"): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`);
}
