import { Hono } from "hono";
import { loadContact } from "./contact-access.ts";
import { formatLocalDateTime } from "./local-time.ts";
import { operationGuard } from "./operation-guard.ts";
import type { Appointment } from "./records.ts";
import type { EmulatorEnv } from "./request-guard.ts";
import type { RouteDeps } from "./route-deps.ts";

/** An appointment as GetEventSchema, its times as zone-less local time of `timeZone`. */
export function appointmentView(appt: Appointment, timeZone: string): Record<string, unknown> {
  return {
    ...appt,
    startTime: formatLocalDateTime(appt.startTime, timeZone),
    endTime: formatLocalDateTime(appt.endTime, timeZone),
    dateAdded: formatLocalDateTime(appt.dateAdded, timeZone),
    dateUpdated: formatLocalDateTime(appt.dateUpdated, timeZone),
  };
}

/** `GET /contacts/:contactId/appointments`: answers under `events`, not `appointments`. */
export function appointmentsRoutes(deps: RouteDeps): Hono<EmulatorEnv> {
  const { state } = deps;
  const app = new Hono<EmulatorEnv>();
  app.get(
    "/contacts/:contactId/appointments",
    operationGuard("get-appointments-for-contact"),
    (c) => {
      const contact = loadContact(c, state, c.req.param("contactId"));
      if (contact instanceof Response) return contact;
      const timeZone = state.locations.get(contact.locationId)?.timezone ?? "UTC";
      const events = state.appointments
        .where("contactId", contact.id)
        .sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime))
        .map((appt) => appointmentView(appt, timeZone));
      return c.json({ events });
    },
  );
  return app;
}
