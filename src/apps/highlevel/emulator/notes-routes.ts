import type { Context } from "hono";
import { Hono } from "hono";
import { firebaseId } from "../../../lib/ids.ts";
import { loadContact } from "./contact-access.ts";
import { hlError } from "./hl-errors.ts";
import { operationGuard } from "./operation-guard.ts";
import type { Note } from "./records.ts";
import type { EmulatorEnv } from "./request-guard.ts";
import { isoNow, type RouteDeps } from "./route-deps.ts";
import { noteEvent } from "./webhook-payloads.ts";

/** A note as HighLevel answers it (GetNoteSchema); `locationId` is not part of it. */
export function noteView(note: Note): Record<string, unknown> {
  const { locationId: _omit, ...view } = note;
  return view;
}

function applyNoteFields(note: Note, body: Record<string, unknown>): Note {
  const next = { ...note };
  if (typeof body.body === "string") next.body = body.body;
  if (typeof body.userId === "string") next.userId = body.userId;
  if (typeof body.title === "string") next.title = body.title;
  if (typeof body.color === "string") next.color = body.color;
  if (typeof body.pinned === "boolean") next.pinned = body.pinned;
  return next;
}

/**
 * Notes of a contact: list (newest first), create (201 `{note}`), get, update (`{note}`) and
 * delete (`succeded`), each sending its Note* event.
 */
export function notesRoutes(deps: RouteDeps): Hono<EmulatorEnv> {
  const { state } = deps;
  const app = new Hono<EmulatorEnv>();
  const find = (c: Context<EmulatorEnv>): Note | Response => {
    const contact = loadContact(c, state, c.req.param("contactId") ?? "");
    if (contact instanceof Response) return contact;
    const id = c.req.param("id") ?? "";
    const note = state.notes.get(id);
    if (!note || note.contactId !== contact.id)
      return hlError(c, 400, `Note with id ${id} not found`);
    return note;
  };

  app.get("/contacts/:contactId/notes", operationGuard("get-all-notes"), (c) => {
    const contact = loadContact(c, state, c.req.param("contactId"));
    if (contact instanceof Response) return contact;
    const notes = state.notes.where("contactId", contact.id).reverse();
    return c.json({ notes: notes.map(noteView) });
  });

  app.post("/contacts/:contactId/notes", operationGuard("create-note"), (c) => {
    const contact = loadContact(c, state, c.req.param("contactId"));
    if (contact instanceof Response) return contact;
    const blank: Note = {
      id: firebaseId(),
      locationId: contact.locationId,
      contactId: contact.id,
      body: "",
      dateAdded: isoNow(deps),
    };
    const note = state.notes.put(applyNoteFields(blank, c.get("body")));
    deps.webhooks.dispatch(noteEvent("NoteCreate", note));
    return c.json({ note: noteView(note) }, 201);
  });

  app.get("/contacts/:contactId/notes/:id", operationGuard("get-note"), (c) => {
    const note = find(c);
    return note instanceof Response ? note : c.json({ note: noteView(note) });
  });

  app.put("/contacts/:contactId/notes/:id", operationGuard("update-note"), (c) => {
    const note = find(c);
    if (note instanceof Response) return note;
    const next = state.notes.put(applyNoteFields(note, c.get("body")));
    deps.webhooks.dispatch(noteEvent("NoteUpdate", next));
    return c.json({ note: noteView(next) });
  });

  app.delete("/contacts/:contactId/notes/:id", operationGuard("delete-note"), (c) => {
    const note = find(c);
    if (note instanceof Response) return note;
    state.notes.delete(note.id);
    deps.webhooks.dispatch(noteEvent("NoteDelete", note));
    return c.json({ succeded: true });
  });

  return app;
}
