import type { z } from "zod";
import { redactHeaders, redactUrl } from "../lib/redact.ts";
import {
  BridgeHttpError,
  HttpError,
  NetworkError,
  type RequestInfo,
  ResponseShapeError,
  TimeoutError,
} from "./errors.ts";

export type FetchLike = (input: Request) => Promise<Response>;

/** How every client reaches its server: injected fetch, base URL, default headers, signal. */
export interface TransportOptions {
  /** Absolute base URL, without a trailing slash (e.g. `https://services.leadconnectorhq.com`). */
  readonly baseUrl: string;
  /** Defaults to the global fetch; tests and the sandbox pass an emulator's fetch handler. */
  readonly fetch?: FetchLike;
  /** Headers sent on every request (credentials included; they are redacted in errors). */
  readonly headers?: Record<string, string>;
  /** Aborts every request made through this transport. */
  readonly signal?: AbortSignal;
  /** Per-request timeout in ms. Default 30 000. */
  readonly timeoutMs?: number;
}

export interface RequestSpec {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  readonly path: string;
  readonly query?: Record<string, string | number | boolean | undefined>;
  readonly body?: unknown;
  /** Form-encoded body instead of JSON. */
  readonly form?: Record<string, string>;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
}

export interface Transport {
  readonly options: TransportOptions;
  /** Sends the request; resolves with the body parsed by `schema`, throws an HttpError family error. */
  request<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S>>;
}

/** Builds the URL for `path` under `baseUrl`, dropping undefined query values. */
export function buildUrl(baseUrl: string, path: string, query?: RequestSpec["query"]): string {
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

export function createTransport(options: TransportOptions): Transport {
  const doFetch: FetchLike = options.fetch ?? ((request) => fetch(request));
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    options,
    async request(spec, schema) {
      const url = buildUrl(options.baseUrl, spec.path, spec.query);
      const headers: Record<string, string> = {
        accept: "application/json",
        ...options.headers,
        ...spec.headers,
      };
      let body: string | undefined;
      if (spec.form) {
        headers["content-type"] = "application/x-www-form-urlencoded";
        body = new URLSearchParams(spec.form).toString();
      } else if (spec.body !== undefined) {
        headers["content-type"] = "application/json";
        body = JSON.stringify(spec.body);
      }
      const info: RequestInfo = { method: spec.method, url: redactUrl(url) };
      const signals = [AbortSignal.timeout(timeoutMs)];
      if (options.signal) signals.push(options.signal);
      if (spec.signal) signals.push(spec.signal);
      const signal = AbortSignal.any(signals);
      let response: Response;
      try {
        const init: RequestInit = { method: spec.method, headers, signal };
        if (body !== undefined) init.body = body;
        response = await doFetch(new Request(url, init));
      } catch (cause) {
        // Errors raised by fetch middleware (scope, credential) already say what happened.
        if (cause instanceof BridgeHttpError) throw cause;
        if (signal.aborted) {
          throw new TimeoutError(`${info.method} ${info.url} timed out or was aborted`, info, {
            cause,
          });
        }
        throw new NetworkError(`${info.method} ${info.url} failed: ${String(cause)}`, info, {
          cause,
        });
      }
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        // The connection broke after the headers arrived.
        throw new NetworkError(
          `${info.method} ${info.url} failed while reading the answer: ${String(cause)}`,
          info,
          {
            cause,
          },
        );
      }
      let parsed: unknown = text;
      if (text.length > 0) {
        try {
          parsed = JSON.parse(text);
        } catch {
          // Non-JSON bodies (HTML error pages from proxies) are kept as text.
        }
      } else parsed = undefined;
      if (!response.ok) {
        const responseHeaders = redactHeaders(Object.fromEntries(response.headers.entries()));
        throw new HttpError(info, response.status, parsed, responseHeaders);
      }
      const result = schema.safeParse(parsed);
      if (!result.success) {
        throw new ResponseShapeError(
          `${info.method} ${info.url} returned an unexpected body: ${result.error.message.slice(0, 500)}`,
          info,
        );
      }
      return result.data;
    },
  };
}
