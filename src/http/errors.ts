/** Method and (redacted) URL of the request an error belongs to. */
export interface RequestInfo {
  readonly method: string;
  readonly url: string;
}

/** Base of every outbound-call error; the message names method and URL, never a secret. */
export class BridgeHttpError extends Error {
  override name = "BridgeHttpError";
  readonly request: RequestInfo;
  constructor(message: string, request: RequestInfo, options?: ErrorOptions) {
    super(message, options);
    this.request = request;
  }
}

/** The server answered with a non-2xx status. `body` is the parsed JSON body, or the text. */
export class HttpError extends BridgeHttpError {
  override name = "HttpError";
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  constructor(
    request: RequestInfo,
    status: number,
    body: unknown,
    headers: Record<string, string>,
  ) {
    super(`${request.method} ${request.url} answered ${status}: ${describeBody(body)}`, request);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** The request never got an HTTP answer (DNS, refused, reset). */
export class NetworkError extends BridgeHttpError {
  override name = "NetworkError";
}

/** The request was aborted by its timeout or signal. */
export class TimeoutError extends BridgeHttpError {
  override name = "TimeoutError";
}

/** A 2xx answer whose body did not have the expected shape. */
export class ResponseShapeError extends BridgeHttpError {
  override name = "ResponseShapeError";
}

function describeBody(body: unknown): string {
  if (body === undefined || body === null || body === "") return "(empty body)";
  if (typeof body === "string") {
    // An HTML error page (a proxy, a wrong host) says little; its size and title say enough.
    if (/^\s*</.test(body)) {
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
      return `an HTML page${title ? ` titled "${title.slice(0, 80)}"` : ""} (${body.length} bytes), not the API`;
    }
    return body.slice(0, 300);
  }
  if (typeof body === "object") {
    const record = body as Record<string, unknown>;
    const inner = record.error;
    if (inner && typeof inner === "object" && "message" in inner) {
      return String((inner as { message: unknown }).message);
    }
    if ("message" in record) {
      const message = record.message;
      return Array.isArray(message) ? message.join("; ") : String(message);
    }
  }
  return JSON.stringify(body).slice(0, 300);
}

/** The connection lacks a scope the operation needs; nothing was sent (or the server said so). */
export class ScopeError extends BridgeHttpError {
  override name = "ScopeError";
  readonly connectionId: string;
  readonly missingScopes: readonly string[];
  constructor(
    request: RequestInfo,
    connectionId: string,
    missingScopes: readonly string[],
    detail: string,
  ) {
    super(
      `${request.method} ${request.url} needs scope ${missingScopes.join(", ")}, which connection ${connectionId} lacks: ${detail}`,
      request,
    );
    this.connectionId = connectionId;
    this.missingScopes = missingScopes;
  }
}

/** The connection's credential is unusable: it needs reconnecting or was rejected. */
export class CredentialError extends BridgeHttpError {
  override name = "CredentialError";
  readonly connectionId: string;
  readonly status: "needs_reconnect" | "invalid" | "unreadable";
  constructor(
    request: RequestInfo,
    connectionId: string,
    status: "needs_reconnect" | "invalid" | "unreadable",
    reason: string,
  ) {
    super(
      `${request.method} ${request.url}: connection ${connectionId} is ${status.replace("_", " ")}: ${reason}`,
      request,
    );
    this.connectionId = connectionId;
    this.status = status;
  }
}
