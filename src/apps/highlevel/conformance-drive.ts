import type { HighLevelSandbox } from "./testing.ts";

/** Test support for conformance.test.ts: one successful call of every operation. */

/** Sends one request to the emulator and records the exchange. */
export type Call = (
  method: string,
  path: string,
  init?: { body?: unknown; token?: string; version?: boolean },
) => Promise<{ body: unknown }>;

/** Ids the calls create, which the error calls reuse. */
export interface ConformanceIds {
  rich: string;
  created: string;
  note: string;
  task: string;
  business: string;
}

const ATTRIBUTION = {
  url: "https://example.com/landing",
  referrer: "https://www.google.com",
  gclid: "CjOKCQjwnNyUBhCZARISAI9AYIFt",
  fbp: "fb.1.1674748390986.1171287961",
  fbEventId: "evt-1",
  userAgent: "Mozilla/5.0",
  ip: "58.111.106.198",
  medium: "survey",
  mediumId: "FglfHAn30PRwsZVyQlKp",
};

function fullContactFields(locationId: string) {
  return {
    locationId,
    firstName: "Rubika",
    lastName: "Deo",
    email: "rubika@deos.com",
    phone: "+18832327657",
    gender: "female",
    address1: "3535 1st St N",
    city: "Dolomite",
    state: "AL",
    postalCode: "35061",
    website: "https://www.tesla.com",
    timezone: "Asia/Calcutta",
    dnd: true,
    tags: ["vip", "lead"],
    source: "public api",
    dateOfBirth: "1990-09-25",
    country: "US",
    companyName: "DGS VolMAX",
    assignedTo: "ve9EPM428h8vShlRW1KT",
    customFields: [{ id: "MgobCB14YMVKuE4Ka8p1", field_value: "gold" }],
  };
}

/** Drives every operation once with a success (using the richest data it can have). */
export async function driveSuccesses(
  sb: HighLevelSandbox,
  call: Call,
  ids: ConformanceIds,
): Promise<void> {
  const loc = sb.location.id;
  const { locationId: _l, gender: _g, companyName: _c, ...seedFields } = fullContactFields(loc);
  const rich = sb.emulator.control.seedContact(loc, {
    ...seedFields,
    email: "seeded@deos.com",
    phone: "+18832327658",
    companyName: "DGS VolMAX",
    dateOfBirth: "1990-09-25",
    customFields: [{ id: "MgobCB14YMVKuE4Ka8p1", value: "gold" }],
    keyword: "test",
    lastActivity: "2021-07-16T11:39:30.564Z",
    visitorId: "ve9EPM428h8vShlRW1KT",
    attributionSource: ATTRIBUTION,
    lastAttributionSource: { ...ATTRIBUTION, medium: "form" },
  });
  ids.rich = rich.id;
  // The seeded contact is the oldest, so `GET /contacts/?limit=1` answers it.
  sb.clock.advance(1000);
  sb.emulator.control.seedAppointment(rich.id, {
    title: "Demo",
    assignedUserId: "YlWd2wuCAZQzh2cH1fVZ",
    notes: "bring slides",
    address: "Zoom",
    groupId: "grp00000000000000001",
    assignedResources: ["room0000000000000001"],
    startTime: "2026-01-06T15:00:00Z",
    endTime: "2026-01-06T15:30:00Z",
  });
  const c = `/contacts/${rich.id}`;
  await call("POST", "/contacts/bulk/business", {
    body: { locationId: loc, ids: [rich.id], businessId: ids.business },
  });
  await call("POST", `${c}/followers`, {
    body: { followers: ["usr00000000000000001", "usr00000000000000002"] },
  });
  await call("DELETE", `${c}/followers`, { body: { followers: ["usr00000000000000002"] } });
  const created = await call("POST", "/contacts/", { body: fullContactFields(loc) });
  ids.created = (created.body as { contact: { id: string } }).contact.id;
  await call("GET", c);
  await call("PUT", c, { body: { firstName: "Rubika", tags: ["vip", "lead", "gold"] } });
  await call("POST", "/contacts/upsert", {
    body: { locationId: loc, email: "seeded@deos.com", city: "Dolomite" },
  });
  await call("GET", `/contacts/?locationId=${loc}&limit=1&query=deos`);
  await call("GET", `/contacts/business/${ids.business}?locationId=${loc}&limit=10&skip=0`);
  await call("POST", "/contacts/search", { body: { locationId: loc, pageLimit: 10, page: 1 } });
  await call("GET", `/contacts/search/duplicate?locationId=${loc}&email=seeded%40deos.com`);
  await call("GET", `/contacts/search/duplicate?locationId=${loc}&email=nobody%40deos.com`);
  const task = await call("POST", `${c}/tasks`, {
    body: {
      title: "Call",
      body: "about pricing",
      dueDate: "2026-02-01T10:00:00Z",
      completed: false,
      assignedTo: "usr00000000000000001",
    },
  });
  ids.task = (task.body as { task: { id: string } }).task.id;
  await call("GET", `${c}/tasks`);
  await call("GET", `${c}/tasks/${ids.task}`);
  await call("PUT", `${c}/tasks/${ids.task}`, { body: { title: "Call back" } });
  await call("PUT", `${c}/tasks/${ids.task}/completed`, { body: { completed: true } });
  const note = await call("POST", `${c}/notes`, {
    body: {
      body: "met at fair",
      userId: "usr00000000000000001",
      title: "Fair",
      color: "#FFAA00",
      pinned: true,
    },
  });
  ids.note = (note.body as { note: { id: string } }).note.id;
  await call("GET", `${c}/notes`);
  await call("GET", `${c}/notes/${ids.note}`);
  await call("PUT", `${c}/notes/${ids.note}`, { body: { body: "met at the fair" } });
  await call("GET", `${c}/appointments`);
  await call("POST", `${c}/tags`, { body: { tags: ["hot"] } });
  await call("DELETE", `${c}/tags`, { body: { tags: ["hot"] } });
  await call("POST", "/contacts/bulk/tags/update/add", {
    body: { locationId: loc, contacts: [rich.id], tags: ["bulk"] },
  });
  await call("POST", `${c}/campaigns/cmp00000000000000001`, { body: {} });
  await call("DELETE", `${c}/campaigns/cmp00000000000000001`);
  await call("DELETE", `${c}/campaigns/removeAll`);
  await call("POST", `${c}/workflow/wfl00000000000000001`, {
    body: { eventStartTime: "2026-01-07T09:00:00+01:00" },
  });
  await call("DELETE", `${c}/workflow/wfl00000000000000001`, { body: {} });
  await call("DELETE", `${c}/notes/${ids.note}`);
  await call("DELETE", `${c}/tasks/${ids.task}`);
  await call("DELETE", `/contacts/${ids.created}`);
}
