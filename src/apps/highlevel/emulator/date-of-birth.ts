const YEAR_FIRST = /^(\d{4})[-/._](\d{1,2})[-/._](\d{1,2})(?:T.*)?$/;
const MONTH_FIRST = /^(\d{1,2})[-/._](\d{1,2})[-/._](\d{4})$/;

/**
 * Normalises a birth date to `YYYY-MM-DD`, accepting the formats the spec lists for
 * `dateOfBirth` (YYYY/MM/DD, MM/DD/YYYY, YYYY-MM-DD, MM-DD-YYYY and the `.`/`_` variants) and
 * ISO date-times. Returns undefined for anything else or an impossible date.
 */
export function normaliseDateOfBirth(raw: string): string | undefined {
  const trimmed = raw.trim();
  const ymd = YEAR_FIRST.exec(trimmed);
  const mdy = ymd ? undefined : MONTH_FIRST.exec(trimmed);
  const parts = ymd ? [ymd[1], ymd[2], ymd[3]] : mdy ? [mdy[3], mdy[1], mdy[2]] : undefined;
  if (!parts) return undefined;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
