import { Hono } from "hono";
import {
  completeHighLevelOAuth,
  HIGHLEVEL_CALLBACK_PATH,
  type OAuthDeps,
} from "../engine/oauth-connect.ts";

function page(title: string, body: string): string {
  const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></body></html>`;
}

/**
 * The OAuth redirect target. It is public — the unguessable, single-use `state` made by
 * `connections add highlevel --oauth` is what protects it.
 */
export function oauthRoutes(deps: OAuthDeps): Hono {
  const app = new Hono();
  app.get(HIGHLEVEL_CALLBACK_PATH, async (c) => {
    const result = await completeHighLevelOAuth(deps, c.req.query());
    if (!result.ok) return c.html(page("Connection failed", result.error.message), 400);
    const connection = result.value;
    return c.html(
      page(
        "HighLevel connected",
        `Location ${connection.accountId} is connected as ${connection.id}. You can close this window.`,
      ),
    );
  });
  return app;
}
