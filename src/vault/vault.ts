import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
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
import {
  envKeyId,
  type KeyRingSource,
  newKeyId,
  readKeyFile,
  writeKeyFile,
} from "./key-ring-source.ts";

/** A connection's secrets: tokens, keys, OAuth pairs. Only the vault sees them in clear. */
export type Credentials = Readonly<Record<string, string>>;

const CANARY = "contact-bridge vault canary";

/** Identifies one version of a file: the key file is replaced by rename, so its inode changes. */
function fileStamp(path: string): string {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    throw new VaultError(`${path} was removed while the bridge runs: restore it from your backup`);
  }
  return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
}
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
  #keyFileStamp = "";

  private constructor(db: Db, clock: Clock, audit: AuditLog, source: KeyRingSource) {
    this.#db = db;
    this.#clock = clock;
    this.#audit = audit;
    this.#source = source;
    this.#cipher = createAesGcmCipher(source.ring);
    if (source.kind === "file") this.#keyFileStamp = fileStamp(source.path);
  }

  /**
   * The cipher over the current key ring. A key file rotated by another process (the CLI while
   * the server runs) is re-read, so no process seals with a key that was retired.
   */
  #current(): SecretCipher {
    const source = this.#source;
    if (source.kind !== "file") return this.#cipher;
    const stamp = fileStamp(source.path);
    if (stamp !== this.#keyFileStamp) {
      this.#source = { kind: "file", path: source.path, ring: readKeyFile(source.path) };
      this.#cipher = createAesGcmCipher(this.#source.ring);
      this.#keyFileStamp = stamp;
    }
    return this.#cipher;
  }

  /** Where the master key comes from: a key file (rotatable in place) or the environment. */
  get sourceKind(): "file" | "env" {
    return this.#source.kind;
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
    this.#current();
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
      { ...rest, id, sealedCredentials: this.#current().seal(id, JSON.stringify(credentials)) },
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
    return JSON.parse(this.#current().open(connectionId, sealed)) as Credentials;
  }

  /** Replaces a connection's credentials (a re-issued or refreshed token). */
  async replaceCredentials(
    connectionId: string,
    credentials: Credentials,
    actor: string,
  ): Promise<void> {
    const sealed = this.#current().seal(connectionId, JSON.stringify(credentials));
    await writeSealedCredentials(this.#db, connectionId, sealed, this.#clock.now());
    await this.#audit.append({ actor, action: "credential.replaced", connectionId, detail: {} });
  }

  /**
   * Re-encrypts every secret under a new key id. With a key file, the new key is written next
   * to the old one first, so a crash at any point leaves a ring that opens everything.
   */
  async rotateKey(actor: string): Promise<RotationResult> {
    this.#current();
    const source = this.#source;
    const previous = [...source.ring.keys.keys()];
    const key = randomBytes(32);
    // An environment key's id is derived from the key, so the new key opens under its own id.
    const keyId = source.kind === "env" ? envKeyId(key) : newKeyId();
    const both: KeyRing = {
      currentKeyId: keyId,
      keys: new Map([...source.ring.keys, [keyId, key]]),
    };
    if (source.kind === "file") this.#adoptFile(source.path, both);
    const cipher = createAesGcmCipher(both);
    let resealed = 0;
    const reseal = async () => {
      await this.#db.transaction().execute(async (trx) => {
        for (const { id, sealed } of await listSealedCredentials(trx)) {
          if (cipher.keyIdOf(sealed) === keyId) continue;
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
    };
    await reseal();
    // A process that sealed with the old key just before it saw the new file: reseal again.
    const stragglers = (await listSealedCredentials(this.#db)).filter(
      (row) => cipher.keyIdOf(row.sealed) !== keyId,
    );
    if (stragglers.length > 0) await reseal();
    const only: KeyRing = { currentKeyId: keyId, keys: new Map([[keyId, key]]) };
    if (source.kind === "file") this.#adoptFile(source.path, only);
    else {
      this.#source = { kind: "env", ring: only };
      this.#cipher = createAesGcmCipher(only);
    }
    await this.#audit.append({
      actor,
      action: "vault.key_rotated",
      detail: { previousKeyIds: previous, newKeyId: keyId, resealed },
    });
    return {
      previousKeyIds: previous,
      newKeyId: keyId,
      resealed,
      ...(source.kind === "env" ? { newEnvKey: key.toString("base64") } : {}),
    };
  }

  #adoptFile(path: string, ring: KeyRing): void {
    writeKeyFile(path, ring);
    this.#source = { kind: "file", path, ring };
    this.#cipher = createAesGcmCipher(ring);
    this.#keyFileStamp = fileStamp(path);
  }
}
