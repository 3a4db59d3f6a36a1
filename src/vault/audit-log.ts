import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Clock } from "../lib/clock.ts";
import { sha256Hex } from "../lib/hash.ts";
import type { Db } from "../store/database.ts";
import type { AuditLogTable } from "../store/schema.ts";

/** Name of the file (in the data directory) that keeps the chain's head outside the table. */
export const AUDIT_HEAD_FILE = "audit-head.json";
const GENESIS = "0".repeat(64);

export type AuditAction =
  | "connection.added"
  | "connection.removed"
  | "connection.tested"
  | "connection.status"
  | "credential.used"
  | "credential.refreshed"
  | "credential.replaced"
  | "vault.key_rotated"
  | "vault.opened"
  | "admin.token_issued"
  | "admin.action";

export interface AuditEntryInput {
  readonly actor: string;
  readonly action: AuditAction;
  readonly connectionId?: string | null;
  /** Facts about the action. Never a secret: callers pass names, ids, scopes, counts. */
  readonly detail?: Record<string, unknown>;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly connectionId: string | null;
  readonly detail: Record<string, unknown>;
  readonly hash: string;
}

export type AuditVerdict =
  | { readonly ok: true; readonly count: number; readonly lastHash: string }
  | { readonly ok: false; readonly seq: number; readonly reason: string };

function entryHash(prevHash: string, row: Omit<AuditLogTable, "hash" | "prev_hash">): string {
  const body = JSON.stringify([
    row.seq,
    row.at,
    row.actor,
    row.action,
    row.connection_id,
    row.detail,
  ]);
  return sha256Hex(`${prevHash}\n${body}`);
}

interface Head {
  readonly count: number;
  readonly lastHash: string;
}

/**
 * Append-only, hash-chained audit log. Each row's hash covers its content and the previous
 * row's hash; the head (count and last hash) is also written to a file outside the table, so
 * an edited, deleted or cut-off row is detected by {@link AuditLog.verify}.
 */
export class AuditLog {
  readonly #db: Db;
  readonly #headPath: string | undefined;
  readonly #clock: Clock;

  constructor(db: Db, clock: Clock, headPath?: string) {
    this.#db = db;
    this.#clock = clock;
    this.#headPath = headPath;
  }

  async append(input: AuditEntryInput): Promise<AuditEntry> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#appendOnce(input);
      } catch (error) {
        // Another process appended the same seq first: read the new head and try again.
        if (attempt >= 5 || !/UNIQUE|PRIMARY|duplicate key/i.test(String(error))) throw error;
      }
    }
  }

  async #appendOnce(input: AuditEntryInput): Promise<AuditEntry> {
    return this.#db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom("audit_log")
        .select(["seq", "hash"])
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirst();
      const base = {
        seq: (last?.seq ?? 0) + 1,
        at: this.#clock.now(),
        actor: input.actor,
        action: input.action,
        connection_id: input.connectionId ?? null,
        detail: JSON.stringify(input.detail ?? {}),
      };
      const prevHash = last?.hash ?? GENESIS;
      const hash = entryHash(prevHash, base);
      await trx
        .insertInto("audit_log")
        .values({ ...base, prev_hash: prevHash, hash })
        .execute();
      this.#writeHead({ count: base.seq, lastHash: hash });
      return {
        seq: base.seq,
        at: base.at,
        actor: base.actor,
        action: base.action,
        connectionId: base.connection_id,
        detail: input.detail ?? {},
        hash,
      };
    });
  }

  #writeHead(head: Head): void {
    if (!this.#headPath) return;
    const temp = `${this.#headPath}.tmp`;
    writeFileSync(temp, `${JSON.stringify(head)}\n`, { mode: 0o600 });
    renameSync(temp, this.#headPath);
  }

  #readHead(): Head | undefined {
    if (!this.#headPath || !existsSync(this.#headPath)) return undefined;
    return JSON.parse(readFileSync(this.#headPath, "utf8")) as Head;
  }

  /** Recomputes the chain and compares it with the head kept outside the table. */
  async verify(): Promise<AuditVerdict> {
    const rows = await this.#db.selectFrom("audit_log").selectAll().orderBy("seq").execute();
    let prevHash = GENESIS;
    let expectedSeq = 1;
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return { ok: false, seq: expectedSeq, reason: `entry ${expectedSeq} is missing` };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          seq: row.seq,
          reason: `entry ${row.seq} does not follow entry ${row.seq - 1}`,
        };
      }
      if (entryHash(prevHash, row) !== row.hash) {
        return { ok: false, seq: row.seq, reason: `entry ${row.seq} was modified` };
      }
      prevHash = row.hash;
      expectedSeq++;
    }
    const count = rows.length;
    const head = this.#readHead();
    if (head && head.count > count) {
      return {
        ok: false,
        seq: count + 1,
        reason: `entries ${count + 1}..${head.count} were cut from the end`,
      };
    }
    if (head && (head.count !== count || head.lastHash !== prevHash)) {
      return {
        ok: false,
        seq: head.count,
        reason: `entry ${head.count} does not match the recorded head`,
      };
    }
    if (!head && count > 0 && this.#headPath) {
      return { ok: false, seq: count, reason: `the head file ${this.#headPath} is missing` };
    }
    return { ok: true, count, lastHash: prevHash };
  }

  /** Newest entries first. */
  async list(limit: number, connectionId?: string): Promise<AuditEntry[]> {
    let query = this.#db.selectFrom("audit_log").selectAll();
    if (connectionId) query = query.where("connection_id", "=", connectionId);
    const rows = await query.orderBy("seq", "desc").limit(limit).execute();
    return rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action,
      connectionId: row.connection_id,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
      hash: row.hash,
    }));
  }
}
