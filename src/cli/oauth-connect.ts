import { setTimeout as sleep } from "node:timers/promises";
import { Hono } from "hono";
import { beginHighLevelOAuth } from "../engine/oauth-connect.ts";
import { bindServer, PortInUseError } from "../server/bind-server.ts";
import { oauthRoutes } from "../server/oauth-routes.ts";
import { getPending } from "../store/oauth-pending.ts";
import { CliError } from "./cli-error.ts";
import { withCore } from "./with-core.ts";

/** How long the CLI waits for the user to approve. */
const WAIT_MS = 15 * 60_000;

/**
 * `connections add highlevel --oauth`: prints the consent URL and waits for the callback on
 * `${BRIDGE_PUBLIC_URL}/oauth/highlevel/callback`. If the bridge is running there, its own
 * callback route completes the flow; otherwise this command listens on that address itself.
 */
export async function addOAuthConnection(options: {
  authUrl?: string;
  baseUrl?: string;
  label?: string;
}) {
  await withCore(async (core) => {
    const begun = await beginHighLevelOAuth(core, options);
    if (!begun.ok) throw new CliError(begun.error.message);
    const { url, state, redirectUri } = begun.value;
    const callback = new URL(redirectUri);
    let server: Awaited<ReturnType<typeof bindServer>> | undefined;
    try {
      server = await bindServer(
        callback.hostname,
        Number(callback.port || (callback.protocol === "https:" ? 443 : 80)),
      );
      const app = new Hono().route("/", oauthRoutes(core));
      server.attach(app.fetch);
    } catch (error) {
      // The bridge itself listens there: its callback route will finish the flow.
      if (!(error instanceof PortInUseError)) throw error;
    }
    console.log(
      `Open this URL, choose the location and approve:\n\n  ${url}\n\nWaiting for ${redirectUri} …`,
    );
    try {
      const deadline = Date.now() + WAIT_MS;
      while (Date.now() < deadline) {
        const pending = await getPending(core.db, state);
        if (pending?.connectionId) {
          console.log(
            `added highlevel connection ${pending.connectionId}; check it with: contact-bridge connections test ${pending.connectionId}`,
          );
          return;
        }
        if (pending?.error && pending.error !== "in progress") throw new CliError(pending.error);
        await sleep(250);
      }
      throw new CliError(
        "no answer from the consent page within 15 minutes; run the command again",
      );
    } finally {
      await server?.close();
    }
  });
}
