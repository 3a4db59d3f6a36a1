import { operationIdFor } from "./operation-for.ts";

/**
 * A scripted failure for matching requests. Match by `operationId` (the spec's) or by
 * `method`/`path` (exact pathname); an empty match hits every API request. Effects compose in
 * this order: wait `latencyMs` (real time), `drop: "reject"` (the fetch rejects, as on a reset
 * connection), run the real handler when `afterHandler` is set (so "create answers 422 after
 * storing" stores first), answer `status` with `body` (HighLevel's body for that status by
 * default), and `drop: "body-error"` (headers arrive, then the body stream errors).
 */
export interface FaultRule {
  readonly operationId?: string;
  readonly method?: string;
  readonly path?: string;
  /** How many requests it hits before it is used up. Default 1. */
  readonly times?: number;
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly latencyMs?: number;
  readonly drop?: "reject" | "body-error";
  readonly afterHandler?: boolean;
}

/** The fault rules in force; the first matching rule with hits left applies. */
export interface FaultTable {
  add(rule: FaultRule): void;
  clear(): void;
  /** Takes one hit of the first matching rule. */
  take(request: Request): FaultRule | undefined;
  pending(): number;
}

export function createFaultTable(): FaultTable {
  let rules: { rule: FaultRule; left: number }[] = [];
  return {
    add(rule) {
      rules.push({ rule, left: rule.times ?? 1 });
    },
    clear() {
      rules = [];
    },
    take(request) {
      const url = new URL(request.url);
      const entry = rules.find(({ rule }) => {
        if (rule.method && rule.method.toUpperCase() !== request.method) return false;
        if (rule.path && rule.path !== url.pathname) return false;
        return (
          !rule.operationId || rule.operationId === operationIdFor(request.method, url.pathname)
        );
      });
      if (!entry) return undefined;
      entry.left -= 1;
      if (entry.left <= 0) rules = rules.filter((r) => r !== entry);
      return entry.rule;
    },
    pending: () => rules.length,
  };
}

function defaultBody(status: number): unknown {
  if (status === 422) {
    return { statusCode: 422, message: ["Unprocessable Entity"], error: "Unprocessable Entity" };
  }
  if (status === 429) return { statusCode: 429, message: "Too Many Requests" };
  if (status === 401) return { statusCode: 401, message: "Invalid JWT", error: "Unauthorized" };
  return { statusCode: status, message: status >= 500 ? "Internal Server Error" : "Bad Request" };
}

function erroringBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"contact":'));
      controller.error(new Error("emulator fault: connection dropped mid-body"));
    },
  });
}

/** Waits `ms` (real time); an aborted request stops waiting and rejects, as fetch does. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** Applies `rule` around `handler` for one request (see `FaultRule` for the order). */
export async function applyFault(
  rule: FaultRule,
  request: Request,
  handler: (req: Request) => Promise<Response>,
): Promise<Response> {
  if (rule.latencyMs) await delay(rule.latencyMs, request.signal);
  if (rule.drop === "reject") {
    throw new TypeError("fetch failed: emulator fault dropped the connection");
  }
  let response =
    rule.status === undefined || rule.afterHandler ? await handler(request) : undefined;
  if (rule.status !== undefined) {
    await response?.body?.cancel();
    response = new Response(JSON.stringify(rule.body ?? defaultBody(rule.status)), {
      status: rule.status,
      headers: { "content-type": "application/json", ...rule.headers },
    });
  }
  if (!response) throw new Error("unreachable: a fault without status runs the handler");
  if (rule.drop === "body-error") {
    return new Response(erroringBody(), { status: response.status, headers: response.headers });
  }
  return response;
}
