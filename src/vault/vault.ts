import { randomBytes } from "node:crypto";
import type { Clock } from "../lib/clock.ts";
import { newId } from "../lib/ids.ts";
import type { SecretCipher } from "../lib/secret-cipher.ts";
import {
  type Connection,
  insertConnection,
  listSealedCredentials,
  type NewConnection,
  readSealedCredentials,
  writeSealedCredentials,
} from "../store/connections.ts";
import type { Db } from "../store/database.ts";
import { createAesGcmCipher, type KeyRing, VaultError } from "./aes-gcm.ts";
import type { AuditLog } from "./audit-log.ts";
import { type KeyRingSource, newKeyId, writeKeyFile } from "./key-ring-source.ts";

/** A connection's secrets: tokens, keys, OAuth pairs. Only the vault sees them in clear. */
export type Credentials = Readonly<Record<string, string>>;

const CANARY = "contact-bridge vault canary";
const canaryAad = (keyId: string) => `vault_keys:${keyId}`;

export interface RotationResult {
  readonly previousKeyIds: readonly string[];
  readonly newKeyId: string;
  readonly resealed: number;
  /** For an environment key: the new key to put in BRIDGE_MASTER_KEY (shown once). */
  readonly newEnvKey?: string;
}

/**
 * The encrypted secret store: seals connection credentials with AES-256-GCM under the row id,
 * refuses a wrong master key, and re-encrypts everything on key rotation.
 */
export class Vault {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #audit: AuditLog;
  #source: KeyRingSource;
  #cipher: SecretCipher;

  private constructor(db: Db, clock: Clock, audit: AuditLog, source: KeyRingSource) {
    this.#db = db;
    this.#clock = clock;
    this.#audit = audit;
    this.#source = source;
    this.#cipher = createAesGcmCipher(source.ring);
  }

  /**
   * Opens the vault: every key the database was sealed with must be in the ring and open its
   * canary — otherwise the configured key is wrong and nothing starts.
   */
  static async open(db: Db, clock: Clock, audit: AuditLog, source: KeyRingSource): Promise<Vault> {
    const vault = new Vault(db, clock, audit, source);
    const cipher = vault.#cipher;
    const known = await db.selectFrom("vault_keys").selectAll().execute();
    for (const row of known) {
      if (!source.ring.keys.has(row.key_id)) {
        throw new VaultError(
          `the database is encrypted with key ${row.key_id}, which the configured master key is not (${source.ring.currentKeyId}); set the right BRIDGE_MASTER_KEY or restore ${source.kind === "file" ? source.path : "the key file"}`,
        );
      }
      try {
        if (cipher.open(canaryAad(row.key_id), row.canary) !== CANARY) throw new Error("canary");
      } catch {
        throw new VaultError(`the configured master key does not match key ${row.key_id}`);
      }
    }
    if (!known.some((row) => row.key_id === source.ring.currentKeyId)) {
      await db
        .insertInto("vault_keys")
        .values({
          key_id: source.ring.currentKeyId,
          canary: cipher.seal(canaryAad(source.ring.currentKeyId), CANARY),
          created_at: clock.now(),
        })
        .execute();
    }
    return vault;
  }

  get currentKeyId(): string {
    return this.#source.ring.currentKeyId;
  }

  /** Stores a new connection with its credentials sealed under the new row's id. */
  async addConnection(
    input: Omit<NewConnection, "id" | "sealedCredentials"> & { credentials: Credentials },
    actor: string,
  ): Promise<Connection> {
    const id = newId("conn");
    const { credentials, ...rest } = input;
    const connection = await insertConnection(
      this.#db,
      { ...rest, id, sealedCredentials: this.#cipher.seal(id, JSON.stringify(credentials)) },
      this.#clock.now(),
    );
    await this.#audit.append({
      actor,
      action: "connection.added",
      connectionId: id,
      detail: {
        app: input.app,
        authKind: input.authKind,
        accountId: input.accountId,
        scopes: input.scopes,
      },
    });
    return connection;
  }

  /** Opens a connection's credentials. */
  async credentials(connectionId: string): Promise<Credentials> {
    const sealed = await readSealedCredentials(this.#db, connectionId);
    if (sealed === undefined) throw new VaultError(`connection ${connectionId} does not exist`);
    return JSON.parse(this.#cipher.open(connectionId, sealed)) as Credentials;
  }

  /** Replaces a connection's credentials (a re-issued or refreshed token). */
  async replaceCredentials(
    connectionId: string,
    credentials: Credentials,
    actor: string,
  ): Promise<void> {
    const sealed = this.#cipher.seal(connectionId, JSON.stringify(credentials));
    await writeSealedCredentials(this.#db, connectionId, sealed, this.#clock.now());
    await this.#audit.append({ actor, action: "credential.replaced", connectionId, detail: {} });
  }

  /**
   * Re-encrypts every secret under a new key id. With a key file, the new key is written next
   * to the old one first, so a crash at any point leaves a ring that opens everything.
   */
  async rotateKey(actor: string): Promise<RotationResult> {
    const previous = [...this.#source.ring.keys.keys()];
    const keyId = newKeyId();
    const key = randomBytes(32);
    const both: KeyRing = {
      currentKeyId: keyId,
      keys: new Map([...this.#source.ring.keys, [keyId, key]]),
    };
    if (this.#source.kind === "file") writeKeyFile(this.#source.path, both);
    const cipher = createAesGcmCipher(both);
    let resealed = 0;
    await this.#db.transaction().execute(async (trx) => {
      for (const { id, sealed } of await listSealedCredentials(trx)) {
        await writeSealedCredentials(
          trx,
          id,
          cipher.seal(id, cipher.open(id, sealed)),
          this.#clock.now(),
        );
        resealed++;
      }
      await trx.deleteFrom("vault_keys").execute();
      await trx
        .insertInto("vault_keys")
        .values({
          key_id: keyId,
          canary: cipher.seal(canaryAad(keyId), CANARY),
          created_at: this.#clock.now(),
        })
        .execute();
    });
    const only: KeyRing = { currentKeyId: keyId, keys: new Map([[keyId, key]]) };
    if (this.#source.kind === "file") {
      writeKeyFile(this.#source.path, only);
      this.#source = { kind: "file", path: this.#source.path, ring: only };
    } else {
      this.#source = { kind: "env", ring: only };
    }
    this.#cipher = createAesGcmCipher(only);
    await this.#audit.append({
      actor,
      action: "vault.key_rotated",
      detail: { previousKeyIds: previous, newKeyId: keyId, resealed },
    });
    return {
      previousKeyIds: previous,
      newKeyId: keyId,
      resealed,
      ...(this.#source.kind === "env" ? { newEnvKey: key.toString("base64") } : {}),
    };
  }
}
