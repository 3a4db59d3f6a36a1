import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * E.164 form of `raw` (national numbers read in `country`, default US), or undefined when it is
 * not a possible number. HighLevel stores phones in E.164 and matches duplicates on that form.
 */
export function toE164(raw: string, country?: string): string | undefined {
  const region = (country && /^[A-Z]{2}$/.test(country) ? country : "US") as CountryCode;
  const parsed = parsePhoneNumberFromString(raw, region);
  return parsed?.isPossible() ? parsed.number : undefined;
}
