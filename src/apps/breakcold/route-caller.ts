import type { z } from "zod";
import type { RequestSpec, Transport } from "../../http/transport.ts";
import { cursorPages } from "./cursor-pages.ts";
import { type BreakcoldRoute, fillPath } from "./routes.ts";
import { pageSchema } from "./schemas.ts";

/** Records per list request unless a caller says otherwise: fewest calls against the budget. */
export const DEFAULT_PAGE_SIZE = 100;

type Query = RequestSpec["query"];

/** Calls route-table entries through one transport; what every client API group is built on. */
export interface RouteCaller {
  /** One request to `target` with its `:params` filled; resolves with the body parsed by `schema`. */
  call<S extends z.ZodType>(
    target: BreakcoldRoute,
    params: { [name: string]: string },
    extra: { query?: Query; body?: unknown },
    schema: S,
  ): Promise<z.output<S>>;
  /** A lazy iterable over every item of a cursor-paginated list route (`limit` = page size). */
  pages<S extends z.ZodType>(
    target: BreakcoldRoute,
    params: { [name: string]: string },
    query: Query,
    pageSize: number | undefined,
    item: S,
  ): AsyncIterable<z.output<S>>;
}

/** Builds a {@link RouteCaller}; paths come only from the route table via `fillPath`. */
export function createRouteCaller(transport: Transport): RouteCaller {
  const call: RouteCaller["call"] = (target, params, extra, schema) => {
    const spec: { -readonly [K in keyof RequestSpec]: RequestSpec[K] } = {
      method: target.method,
      path: fillPath(target, params),
    };
    if (extra.query !== undefined) spec.query = extra.query;
    if (extra.body !== undefined) spec.body = extra.body;
    return transport.request(spec, schema);
  };
  return {
    call,
    pages: (target, params, query, pageSize, item) =>
      cursorPages((cursor) =>
        call(
          target,
          params,
          { query: { ...query, limit: pageSize ?? DEFAULT_PAGE_SIZE, cursor } },
          pageSchema(item),
        ),
      ),
  };
}
