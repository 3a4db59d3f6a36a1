import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { sql } from "kysely";
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

/** Evidence that the table and the head disagreed when an entry was appended. Never cleared. */
interface Breach {
  readonly detectedAt: number;
  readonly head: { readonly count: number; readonly lastHash: string } | "unreadable" | "missing";
  readonly table: { readonly count: number; readonly lastHash: string };
}

interface Head {
  readonly count: number;
  readonly lastHash: string;
  readonly breach?: Breach;
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
    // IMMEDIATE: one appender at a time across processes, so seq and the head stay in step.
    return this.#db.connection().execute(async (conn) => {
      await sql`BEGIN IMMEDIATE`.execute(conn);
      try {
        const entry = await this.#insert(conn, input);
        await sql`COMMIT`.execute(conn);
        return entry;
      } catch (error) {
        await sql`ROLLBACK`.execute(conn);
        throw error;
      }
    });
  }

  async #insert(db: Db, input: AuditEntryInput): Promise<AuditEntry> {
    const last = await db
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
    await db
      .insertInto("audit_log")
      .values({ ...base, prev_hash: prevHash, hash })
      .execute();
    const breach = this.#checkHead({ count: last?.seq ?? 0, lastHash: prevHash });
    this.#writeHead({ count: base.seq, lastHash: hash, ...(breach ? { breach } : {}) });
    return {
      seq: base.seq,
      at: base.at,
      actor: base.actor,
      action: base.action,
      connectionId: base.connection_id,
      detail: input.detail ?? {},
      hash,
    };
  }

  /**
   * Compares the table's tail with the recorded head before appending. A mismatch (rows cut
   * from the end, a replaced chain, a damaged head file) is kept as a breach in every later
   * head, so writing on does not erase the evidence.
   */
  #checkHead(table: { count: number; lastHash: string }): Breach | undefined {
    if (!this.#headPath) return undefined;
    const read = this.#readHead();
    // The head is written with the first entry: a log with entries but no head lost it.
    if (read === undefined) {
      return table.count === 0
        ? undefined
        : { detectedAt: this.#clock.now(), head: "missing", table };
    }
    if (read === "unreadable") return { detectedAt: this.#clock.now(), head: "unreadable", table };
    if (read.breach) return read.breach;
    if (read.count === table.count && read.lastHash === table.lastHash) return undefined;
    return {
      detectedAt: this.#clock.now(),
      head: { count: read.count, lastHash: read.lastHash },
      table,
    };
  }

  #writeHead(head: Head): void {
    if (!this.#headPath) return;
    const temp = `${this.#headPath}.tmp`;
    writeFileSync(temp, `${JSON.stringify(head)}\n`, { mode: 0o600 });
    renameSync(temp, this.#headPath);
  }

  #readHead(): Head | "unreadable" | undefined {
    if (!this.#headPath || !existsSync(this.#headPath)) return undefined;
    try {
      const head = JSON.parse(readFileSync(this.#headPath, "utf8")) as Head;
      return Number.isInteger(head.count) && typeof head.lastHash === "string"
        ? head
        : "unreadable";
    } catch {
      return "unreadable";
    }
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
    if (head === "unreadable") {
      return { ok: false, seq: count, reason: `the head file ${this.#headPath} is damaged` };
    }
    if (head?.breach) {
      const when = new Date(head.breach.detectedAt).toISOString();
      const recorded = head.breach.head;
      const was =
        recorded === "unreadable"
          ? "a damaged head file"
          : recorded === "missing"
            ? "no head file"
            : `${recorded.count} entries`;
      const after = head.breach.table.count;
      return {
        ok: false,
        seq: after + 1,
        reason:
          recorded === "unreadable"
            ? `at ${when}, when entry ${after + 1} was written, the head file was damaged: the ${after} entries before it cannot be checked against it`
            : `at ${when} the log held ${after} entries where the head recorded ${was}: entries after ${after} were cut or replaced`,
      };
    }
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
