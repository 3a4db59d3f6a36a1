import type { Context } from "hono";
import { ApiError } from "./api-error.ts";
import type { EmulatorEnv } from "./deps.ts";

/**
 * The request's JSON body as an object; an empty body is `{}`. Anything else that is not a JSON
 * object answers 400 `invalid_request`, before schema validation.
 */
export async function readJsonObject(c: Context<EmulatorEnv>): Promise<{ [key: string]: unknown }> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError("invalid_request", "Request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ApiError("invalid_request", "Request body must be a JSON object");
  }
  return parsed as { [key: string]: unknown };
}

/** A tool's input as the emulator validates it: path params over the query string. */
export function queryInput(c: Context<EmulatorEnv>): { [key: string]: unknown } {
  return { ...c.req.query(), ...c.req.param() };
}

/** A tool's input for a write: path params over the JSON body (REST moves ids to the path). */
export async function bodyInput(c: Context<EmulatorEnv>): Promise<{ [key: string]: unknown }> {
  return { ...(await readJsonObject(c)), ...c.req.param() };
}

/** `input` without its `undefined` values: stored rows never hold `undefined`. */
export function definedOnly<T extends object>(
  input: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
