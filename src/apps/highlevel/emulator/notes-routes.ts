import { Hono } from "hono";
import { firebaseId } from "../../../lib/ids.ts";
import { loadContact } from "./contact-access.ts";
import { hlError } from "./hl-errors.ts";
import { operationGuard } from "./operation-guard.ts";
import type { Note } from "./records.ts";
import type { EmulatorEnv } from "./request-guard.ts";
import { isoNow, type RouteDeps } from "./route-deps.ts";
import { noteCreateEvent } from "./webhook-payloads.ts";

/** A note as HighLevel answers it (GetNoteSchema); `locationId` is not part of it. */
export function noteView(note: Note): Record<string, unknown> {
  const { locationId: _omit, ...view } = note;
  return view;
}

/** `GET`/`POST /contacts/:contactId/notes` (newest first; create 201 `{note}`) and `GET .../notes/:id`. */
export function notesRoutes(deps: RouteDeps): Hono<EmulatorEnv> {
  const { state } = deps;
  const app = new Hono<EmulatorEnv>();

  app.get("/contacts/:contactId/notes", operationGuard("get-all-notes"), (c) => {
    const contact = loadContact(c, state, c.req.param("contactId"));
    if (contact instanceof Response) return contact;
    const notes = state.notes.where("contactId", contact.id).reverse();
    return c.json({ notes: notes.map(noteView) });
  });

  app.post("/contacts/:contactId/notes", operationGuard("create-note"), (c) => {
    const contact = loadContact(c, state, c.req.param("contactId"));
    if (contact instanceof Response) return contact;
    const body = c.get("body");
    const note: Note = {
      id: firebaseId(),
      locationId: contact.locationId,
      contactId: contact.id,
      body: String(body.body),
      dateAdded: isoNow(deps),
    };
    if (typeof body.userId === "string") note.userId = body.userId;
    if (typeof body.title === "string") note.title = body.title;
    if (typeof body.color === "string") note.color = body.color;
    if (typeof body.pinned === "boolean") note.pinned = body.pinned;
    state.notes.put(note);
    deps.webhooks.dispatch(noteCreateEvent(note));
    return c.json({ note: noteView(note) }, 201);
  });

  app.get("/contacts/:contactId/notes/:id", operationGuard("get-note"), (c) => {
    const contact = loadContact(c, state, c.req.param("contactId"));
    if (contact instanceof Response) return contact;
    const id = c.req.param("id");
    const note = state.notes.get(id);
    if (!note || note.contactId !== contact.id)
      return hlError(c, 400, `Note with id ${id} not found`);
    return c.json({ note: noteView(note) });
  });

  return app;
}
