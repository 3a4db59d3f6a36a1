import { type Context, Hono } from "hono";
import type { EmulatorControl } from "./control.ts";

/** Path prefix of the control routes; never part of HighLevel's API. */
export const CONTROL_PREFIX = "/_emulator";

async function json(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  return text.trim() === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/**
 * The control surface over HTTP, for benchmarks and other processes (`contact-bridge sandbox`):
 * each route calls the in-process `control` method of the same name. A failing call answers
 * 400 `{error}`. Only sandboxes mount emulators, so this never faces real accounts.
 */
export function controlRoutes(control: EmulatorControl): Hono {
  const app = new Hono().basePath(CONTROL_PREFIX);
  app.onError((error, c) => c.json({ error: error.message }, 400));
  // biome-ignore lint/suspicious/noExplicitAny: control inputs are validated by the methods themselves
  const body = async (c: Context) => (await json(c)) as any;

  app.post("/locations", async (c) => c.json(control.createLocation(await body(c)), 201));
  app.get("/locations/:id", (c) => {
    const location = control.getLocation(c.req.param("id"));
    return location ? c.json(location) : c.json({ error: "no such location" }, 404);
  });
  app.post("/tokens", async (c) =>
    c.json({ token: control.issuePrivateToken(await body(c)) }, 201),
  );
  app.post("/apps", async (c) => c.json(control.registerApp(await body(c)), 201));
  app.post("/apps/:clientId/authorize", async (c) =>
    c.json({ code: control.authorize({ ...(await body(c)), clientId: c.req.param("clientId") }) }),
  );
  app.post("/apps/:clientId/uninstall", async (c) =>
    c.json({
      uninstalled: control.uninstallApp({ ...(await body(c)), clientId: c.req.param("clientId") }),
    }),
  );
  app.put("/webhook-url", async (c) => {
    const input = await body(c);
    control.setWebhookUrl(input.url ?? null, input.clientId ? { clientId: input.clientId } : {});
    return c.json({ url: control.webhookUrl(input.clientId ? { clientId: input.clientId } : {}) });
  });
  app.get("/webhook-keys", (c) => c.json(control.webhookPublicKeys()));
  app.post("/locations/:id/contacts", async (c) =>
    c.json(control.seedContact(c.req.param("id"), await body(c)), 201),
  );
  app.post("/contacts/:id/appointments", async (c) => {
    const input = await body(c);
    const { sendWebhook, ...fields } = input;
    const appt = sendWebhook
      ? control.createAppointment(c.req.param("id"), fields)
      : control.seedAppointment(c.req.param("id"), fields);
    return c.json(appt, 201);
  });
  app.post("/faults", async (c) => {
    control.injectFault(await body(c));
    return c.json({ ok: true }, 201);
  });
  app.delete("/faults", (c) => {
    control.clearFaults();
    return c.json({ ok: true });
  });
  app.get("/clock", (c) => c.json({ now: control.now() }));
  app.post("/clock", async (c) => {
    const input = await body(c);
    if (typeof input.set === "number") control.setClock(input.set);
    if (typeof input.advanceMs === "number") control.advanceClock(input.advanceMs);
    return c.json({ now: control.now() });
  });
  app.post("/redeliveries/run", async (c) =>
    c.json({ delivered: await control.runDueRedeliveries() }),
  );
  app.post("/settle", async (c) => {
    await control.settle();
    return c.json({ ok: true });
  });
  app.get("/deliveries", (c) => c.json({ deliveries: control.deliveries() }));
  return app;
}
