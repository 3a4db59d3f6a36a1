/** A user-facing CLI failure: printed as one line, exit code 1, no stack trace. */
export class CliError extends Error {
  override name = "CliError";
}

/** Parses a comma- or space-separated list option. */
export function parseList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
