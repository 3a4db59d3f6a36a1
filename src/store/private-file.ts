import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * Creates `path` with mode 0600 if it does not exist yet and tightens it to 0600 if it does,
 * so a database file (and the WAL and shared-memory files SQLite derives from its mode) and
 * the token files are readable by their owner only.
 */
export function ensurePrivateFile(path: string): void {
  if (path === ":memory:") return;
  closeSync(openSync(path, "a", 0o600));
  chmodSync(path, 0o600);
}

/** Tightens files that already exist (e.g. SQLite's -wal and -shm) to 0600. */
export function tightenIfPresent(...paths: string[]): void {
  for (const path of paths) if (existsSync(path)) chmodSync(path, 0o600);
}

/** Thrown when a data directory cannot be made or used; the message names the path. */
export class DataDirError extends Error {
  override name = "DataDirError";
}

/**
 * Makes `dir` (mode 0700) one level at a time — a recursive mkdir spins forever on some
 * pseudo-filesystems such as /proc — and tightens an existing one to 0700.
 */
export function ensurePrivateDir(dir: string): void {
  const target = resolve(dir);
  const missing: string[] = [];
  let current = target;
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (!statSync(current).isDirectory()) {
    throw new DataDirError(
      `cannot use ${target} as the data directory: ${current} is not a directory`,
    );
  }
  try {
    for (const path of missing) mkdirSync(path, { mode: 0o700 });
    chmodSync(target, 0o700);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataDirError(`cannot use ${target} as the data directory: ${reason}`);
  }
}
