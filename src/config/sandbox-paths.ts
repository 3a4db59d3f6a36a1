/** Path prefixes under the bridge's public URL where the sandbox emulators are served. */
export const SANDBOX_PATHS = { highlevel: "/sandbox/highlevel", breakcold: "/sandbox/breakcold" };

/**
 * Whether `baseUrl` points at this bridge's sandbox: such connections are sandbox connections
 * (they do not turn the sandbox off, and they follow the bridge when its address changes).
 */
export function isSandboxUrl(baseUrl: string, publicUrl: string): boolean {
  try {
    const url = new URL(baseUrl);
    if (url.origin !== new URL(publicUrl).origin) return false;
    return Object.values(SANDBOX_PATHS).some((prefix) => url.pathname.startsWith(prefix));
  } catch {
    return false;
  }
}
