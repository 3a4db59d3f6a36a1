import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** File in the data directory naming the process of the running bridge. */
export const SERVER_PID_FILE = "server.pid";

/** Records this process as the data directory's running bridge. */
export function markServerRunning(dataDir: string): void {
  writeFileSync(join(dataDir, SERVER_PID_FILE), `${process.pid}\n`, { mode: 0o600 });
}

export function markServerStopped(dataDir: string): void {
  rmSync(join(dataDir, SERVER_PID_FILE), { force: true });
}

/** The pid of a live bridge on this data directory, if one runs (a stale file is ignored). */
export function runningServerPid(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, SERVER_PID_FILE), "utf8").trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still running.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}
