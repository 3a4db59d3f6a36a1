import type { Context, Hono } from "hono";
import { opaqueId } from "../../../lib/ids.ts";
import { breakcoldRoutes as routes } from "../routes.ts";
import type { BreakcoldNote } from "../schemas.ts";
import { noteIdInput, notesCreateInput, notesListInput, notesUpdateInput } from "../tool-inputs.ts";
import { parseInput } from "./api-error.ts";
import type { EmulatorDeps, EmulatorEnv } from "./deps.ts";
import { htmlToPlain } from "./html-to-plain.ts";
import type { StoredNote } from "./model.ts";
import { paginate } from "./paginate.ts";
import { loadChild, loadRecord } from "./record-access.ts";
import { registerRoute } from "./register-route.ts";
import { bodyInput, queryInput } from "./request-input.ts";
import { noteData } from "./webhook-payloads.ts";

/**
 * Mounts notes_list/create/get/update. Notes hang off one record (404 when it is missing,
 * archived or in another workspace) and list in creation order. A note without `contentPlain`
 * gets one derived from its HTML, as Breakcold fills it for webhook payloads; an update of
 * `content` alone derives it again. Sends `note.created` and `note.updated`.
 */
export function registerNoteRoutes(app: Hono<EmulatorEnv>, deps: EmulatorDeps): void {
  const { state, clock, webhooks } = deps;
  const loadNote = (c: Context<EmulatorEnv>, id: string) =>
    loadChild(state, c.get("apiKey"), state.notes.get(id), "Note", id);

  registerRoute(app, deps, routes.notes_list, (c) => {
    const input = parseInput(notesListInput, queryInput(c));
    const record = loadRecord(state, c.get("apiKey"), input.recordId);
    const notes = state.notes.where("recordId", record.id);
    return c.json(paginate(notes, () => true, input.limit, input.cursor));
  });

  registerRoute(app, deps, routes.notes_create, async (c) => {
    const input = parseInput(notesCreateInput, await bodyInput(c));
    const key = c.get("apiKey");
    const record = loadRecord(state, key, input.recordId);
    const now = clock.now();
    const note: StoredNote = {
      id: opaqueId(),
      workspaceId: record.workspaceId,
      recordId: record.id,
      title: input.title,
      content: input.content,
      contentPlain: input.contentPlain ?? htmlToPlain(input.content),
      authorUserId: key.actorUserId,
      createdAt: now,
      updatedAt: now,
    };
    state.notes.put(note);
    webhooks.emit(note.workspaceId, "note.created", noteData(note));
    return c.json({ note: note satisfies BreakcoldNote }, 201);
  });

  registerRoute(app, deps, routes.notes_get, (c) => {
    const input = parseInput(noteIdInput, queryInput(c));
    return c.json({ note: loadNote(c, input.noteId) satisfies BreakcoldNote });
  });

  registerRoute(app, deps, routes.notes_update, async (c) => {
    const input = parseInput(notesUpdateInput, await bodyInput(c));
    const note = loadNote(c, input.noteId);
    const content = input.content ?? note.content;
    const contentPlain =
      input.contentPlain ??
      (input.content === undefined ? note.contentPlain : htmlToPlain(content));
    const updated: StoredNote = {
      ...note,
      title: input.title ?? note.title,
      content,
      contentPlain,
      updatedAt: clock.now(),
    };
    state.notes.put(updated);
    webhooks.emit(updated.workspaceId, "note.updated", noteData(updated));
    return c.json({ note: updated satisfies BreakcoldNote });
  });
}
