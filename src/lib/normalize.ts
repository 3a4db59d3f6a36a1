import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";

/** Email as compared for matching: trimmed and lower-cased; undefined when not an address. */
export function normalizeEmail(value: string | null | undefined): string | undefined {
  const email = value?.trim().toLowerCase();
  return email && /^[^\s@]+@[^\s@]+$/.test(email) ? email : undefined;
}

function isCountryCode(value: string): value is CountryCode {
  return /^[A-Z]{2}$/.test(value);
}

/**
 * Phone as E.164 (`+14155550100`), using `defaultCountry` (ISO 3166 alpha-2) for numbers
 * written without a country code; undefined when the text is not a valid number.
 */
export function normalizePhone(
  value: string | null | undefined,
  defaultCountry?: string,
): string | undefined {
  if (!value?.trim()) return undefined;
  const country = defaultCountry?.toUpperCase();
  const parsed = parsePhoneNumberFromString(
    value,
    country && isCountryCode(country) ? country : undefined,
  );
  return parsed?.isValid() ? parsed.number : undefined;
}

/** Text to HTML paragraphs: escaped, line breaks kept. */
export function textToHtml(text: string): string {
  const escaped = text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
  return `<p>${escaped.replace(/\r?\n/g, "<br>")}</p>`;
}

/** First non-empty line of `text`, cut to `max` characters with an ellipsis. */
export function firstLine(text: string, max = 80): string {
  const line =
    text
      .split(/\r?\n/)
      .find((l) => l.trim().length > 0)
      ?.trim() ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
