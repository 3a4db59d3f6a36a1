const SECRET_HEADERS = new Set(["authorization", "x-api-key", "cookie", "set-cookie"]);

/** Copy of headers with credentials replaced, for errors and logs. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADERS.has(name.toLowerCase())) out[name] = value;
    else out[name] = value.startsWith("Bearer ") ? "Bearer [REDACTED]" : "[REDACTED]";
  }
  return out;
}

const SECRET_QUERY =
  /([?&](?:access_token|client_secret|refresh_token|code|token|api_key)=)[^&]*/gi;

/** URL with credential-bearing query parameters replaced. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, "$1[REDACTED]");
}
