import { readFileSync } from "node:fs";

/** One MCP tool of Breakcold's `tools.json`, the fields this project reads. */
export interface BreakcoldTool {
  readonly name: string;
  readonly requiredScopes: readonly string[];
  /** e.g. "60 requests/min per tool/org". */
  readonly rateLimit: string;
  readonly inputSchema: { readonly [key: string]: unknown };
}

/** Absolute path of the vendored copy of `shared/specs/breakcold/mcp/tools.json`. */
export const TOOLS_JSON_PATH = new URL("./tools.json", import.meta.url);

/** The vendored tools, keyed by name. Read once per call; callers keep the result. */
export function readBreakcoldTools(): Map<string, BreakcoldTool> {
  const tools = JSON.parse(readFileSync(TOOLS_JSON_PATH, "utf8")) as BreakcoldTool[];
  return new Map(tools.map((tool) => [tool.name, tool]));
}

/** Requests per minute of a tool's `rateLimit` text; `undefined` when it states none. */
export function perMinuteOf(tool: BreakcoldTool): number | undefined {
  const match = /^(\d+) requests\/min/.exec(tool.rateLimit);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
