import type { z } from "zod";

/** A zod error as one line naming each bad field, for API and CLI messages. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`)
    .join("; ");
}
