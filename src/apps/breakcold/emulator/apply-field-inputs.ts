import { ApiError } from "./api-error.ts";
import { decodeFieldInput } from "./field-codec.ts";
import type { StoredFieldDefinition, StoredRecord } from "./model.ts";

/**
 * Merges a `fields` input map into `current` (PATCH semantics: untouched slugs stay, `null`
 * or an empty value clears). Unknown slugs answer 400 `invalid_request` and nothing is applied.
 */
export function applyFieldInputs(
  defs: readonly StoredFieldDefinition[],
  current: StoredRecord["fields"],
  input: { [slug: string]: unknown },
  multiselectMode: "append" | "replace",
): StoredRecord["fields"] {
  const bySlug = new Map(defs.map((def) => [def.slug, def]));
  const next: StoredRecord["fields"] = { ...current };
  for (const [slug, value] of Object.entries(input)) {
    const def = bySlug.get(slug);
    if (!def) throw new ApiError("invalid_request", `fields.${slug}: unknown field slug`);
    const stored = decodeFieldInput(def, value, current[slug], multiselectMode === "replace");
    if (stored === undefined) delete next[slug];
    else next[slug] = stored;
  }
  return next;
}
