import { closeSync, openSync } from "node:fs";

/**
 * Creates `path` with mode 0600 if it does not exist yet, so a database file (and the WAL and
 * shared-memory files SQLite derives from its mode) is readable by its owner only.
 */
export function ensurePrivateFile(path: string): void {
  if (path === ":memory:") return;
  closeSync(openSync(path, "a", 0o600));
}
