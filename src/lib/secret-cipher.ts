/**
 * Seals and opens secrets bound to an associated value (the row id they belong to), so a
 * sealed value copied to another row does not open. Implemented by the vault.
 */
export interface SecretCipher {
  seal(associatedData: string, plaintext: string): string;
  open(associatedData: string, sealed: string): string;
  /** Key id a sealed value was made with (for rotation), or undefined if it is not sealed. */
  keyIdOf(sealed: string): string | undefined;
}
