import { loadConfig } from "../config/env.ts";
import { type Core, openCore } from "../server/core.ts";

/** Opens the data directory (database, vault, audit log), runs `fn`, and closes it again. */
export async function withCore<T>(fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore(loadConfig());
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}
