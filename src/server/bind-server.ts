import { type ServerType, serve } from "@hono/node-server";

/** A listening HTTP server whose handler is attached once the app is ready. */
export interface BoundServer {
  readonly port: number;
  attach(handler: (request: Request) => Response | Promise<Response>): void;
  close(): Promise<void>;
}

/** Thrown when the port cannot be taken; the message names it and what to do. */
export class PortInUseError extends Error {
  override name = "PortInUseError";
}

/**
 * Takes the port before anything else happens, so a start that cannot listen (another bridge
 * on the port) changes nothing. Until a handler is attached, requests get 503.
 */
export function bindServer(host: string, port: number): Promise<BoundServer> {
  let handler: ((request: Request) => Response | Promise<Response>) | undefined;
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    const fetch = (request: Request) =>
      handler
        ? handler(request)
        : Response.json(
            { error: { code: "starting", message: "the bridge is starting" } },
            { status: 503 },
          );
    server = serve({ fetch, port, hostname: host }, (info) =>
      resolve({
        port: info.port,
        attach: (next) => {
          handler = next;
        },
        close: () => new Promise<void>((done) => (server ? server.close(() => done()) : done())),
      }),
    );
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new PortInUseError(
              `port ${port} on ${host} is in use (another bridge?): stop it or set PORT`,
            )
          : error,
      );
    });
  });
}
