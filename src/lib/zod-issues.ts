import type { z } from "zod";

/**
 * A zod error as one line naming each bad field once (its first problem), for API and CLI
 * messages. `names` renames fields for the audience (e.g. `baseUrl` → `--base-url`).
 */
export function describeIssues(error: z.ZodError, names: Record<string, string> = {}): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "input";
    const top = String(issue.path[0] ?? "");
    if (seen.has(top || field)) continue;
    seen.add(top || field);
    parts.push(`${names[top] ?? field}: ${issue.message}`);
  }
  return parts.join("; ");
}
