import Database from "better-sqlite3";
import { ensurePrivateFile, tightenIfPresent } from "./private-file.ts";

/**
 * A small persistent document store (one SQLite file, JSON documents in named collections),
 * used by the emulators to keep their data and key material across restarts. Pass ":memory:"
 * for a throwaway store in tests.
 */
export class DocStore {
  readonly #db: Database.Database;

  private constructor(db: Database.Database) {
    this.#db = db;
  }

  static open(path: string): DocStore {
    ensurePrivateFile(path);
    const db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    if (path !== ":memory:") tightenIfPresent(`${path}-wal`, `${path}-shm`);
    db.exec(`CREATE TABLE IF NOT EXISTS docs (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      collection TEXT NOT NULL,
      id TEXT NOT NULL,
      json TEXT NOT NULL,
      UNIQUE (collection, id)
    )`);
    return new DocStore(db);
  }

  collection<T extends { id: string }>(name: string): Collection<T> {
    return new Collection<T>(this.#db, name);
  }

  /** Runs `fn` in one SQLite transaction (synchronous). */
  transaction<R>(fn: () => R): R {
    return this.#db.transaction(fn)();
  }

  close(): void {
    this.#db.close();
  }
}

/** One named collection of documents keyed by `id`, listed in insertion order. */
export class Collection<T extends { id: string }> {
  readonly #db: Database.Database;
  readonly #name: string;

  constructor(db: Database.Database, name: string) {
    this.#db = db;
    this.#name = name;
  }

  get(id: string): T | undefined {
    const row = this.#db
      .prepare("SELECT json FROM docs WHERE collection = ? AND id = ?")
      .get(this.#name, id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as T) : undefined;
  }

  /** Inserts or replaces the document; a replaced document keeps its list position. */
  put(doc: T): T {
    this.#db
      .prepare(
        `INSERT INTO docs (collection, id, json) VALUES (?, ?, ?)
         ON CONFLICT (collection, id) DO UPDATE SET json = excluded.json`,
      )
      .run(this.#name, doc.id, JSON.stringify(doc));
    return doc;
  }

  delete(id: string): boolean {
    return (
      this.#db.prepare("DELETE FROM docs WHERE collection = ? AND id = ?").run(this.#name, id)
        .changes > 0
    );
  }

  all(): T[] {
    const rows = this.#db
      .prepare("SELECT json FROM docs WHERE collection = ? ORDER BY seq")
      .all(this.#name) as { json: string }[];
    return rows.map((row) => JSON.parse(row.json) as T);
  }

  /** Documents whose top-level `field` equals `value` (compared in SQLite via json_extract). */
  where(field: string, value: string | number | boolean | null): T[] {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`bad field name: ${field}`);
    const sqlValue = typeof value === "boolean" ? Number(value) : value;
    const rows = this.#db
      .prepare(
        `SELECT json FROM docs WHERE collection = ? AND json_extract(json, '$.${field}') IS ? ORDER BY seq`,
      )
      .all(this.#name, sqlValue) as { json: string }[];
    return rows.map((row) => JSON.parse(row.json) as T);
  }

  count(): number {
    const row = this.#db
      .prepare("SELECT COUNT(*) AS n FROM docs WHERE collection = ?")
      .get(this.#name) as { n: number };
    return row.n;
  }
}
