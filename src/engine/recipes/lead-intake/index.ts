import { HttpError } from "../../../http/errors.ts";
import type { InboxEvent } from "../../../store/inbox.ts";
import { PermanentRunError, type Recipe, type RunContext } from "../../recipe.ts";
import { copyNote, copyTask, type SourceNote, type SourceTask } from "./copy-items.ts";
import { isLinked, takeInContact } from "./take-in-contact.ts";

function text(payload: Record<string, unknown>, key: string): string | undefined {
  const value = payload[key];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** The HighLevel contact an event is about: `id` on contact events, `contactId` on the rest. */
function contactIdOf(event: InboxEvent): string | null {
  const key = event.type === "ContactCreate" ? "id" : "contactId";
  return text(event.payload, key) ?? null;
}

/**
 * Full intake of a contact: its Breakcold person, then every note and open task it has now.
 * Each copy goes through the identity map, so this is safe to repeat.
 */
async function intake(context: RunContext, contactId: string): Promise<string> {
  const { recordId } = await context.step("take-in-contact", () =>
    takeInContact(context, contactId),
  );
  const highlevel = context.clients.highlevel(context.source);
  await context.step("copy-notes", async () => {
    let copied = 0;
    const notes = await highlevel.listNotes(contactId);
    for (const note of notes) {
      if ((await copyNote(context, contactId, recordId, note)).created) copied++;
    }
    return { seen: notes.length, copied };
  });
  await context.step("copy-open-tasks", async () => {
    let copied = 0;
    const open = (await highlevel.listTasks(contactId)).filter((task) => !task.completed);
    for (const task of open) {
      if ((await copyTask(context, contactId, recordId, task)).created) copied++;
    }
    return { seen: open.length, copied };
  });
  return recordId;
}

/** The contact's person, taking the contact in first when it is not linked yet. */
async function ensureContact(context: RunContext, contactId: string): Promise<string> {
  // Decided once per run and persisted, so a resumed run follows the same path.
  const { linked } = await context.step("check-link", async () => ({
    linked: await isLinked(context, contactId),
  }));
  if (!linked) return intake(context, contactId);
  const { recordId } = await context.step("take-in-contact", () =>
    takeInContact(context, contactId),
  );
  return recordId;
}

/** The note from the event; fetched from HighLevel only when the event lacks its body. */
async function noteOf(context: RunContext, contactId: string): Promise<SourceNote> {
  const payload = context.event.payload;
  const id = text(payload, "id");
  if (!id) throw new PermanentRunError("NoteCreate event has no note id");
  const body = typeof payload.body === "string" ? payload.body : undefined;
  if (body !== undefined) return { id, body };
  return context.clients.highlevel(context.source).getNote(contactId, id);
}

/**
 * The task as HighLevel has it now (to see whether it is still open), or as the event tells it
 * when HighLevel no longer knows it. TaskCreate may lack `body` (reported), so the API wins.
 */
async function taskOf(
  context: RunContext,
  contactId: string,
): Promise<SourceTask & { completed?: boolean }> {
  const payload = context.event.payload;
  const id = text(payload, "id");
  if (!id) throw new PermanentRunError("TaskCreate event has no task id");
  try {
    return await context.clients.highlevel(context.source).getTask(contactId, id);
  } catch (error) {
    const gone = error instanceof HttpError && (error.status === 400 || error.status === 404);
    const title = text(payload, "title");
    if (!gone || title === undefined) throw error;
    return { id, title, body: text(payload, "body"), dueDate: text(payload, "dueDate") };
  }
}

/**
 * Lead intake: a new HighLevel contact becomes (or is matched to) a Breakcold person, and its
 * notes and open tasks follow it — each copied exactly once, whichever event sees it first.
 */
export const leadIntake: Recipe = {
  name: "lead-intake",
  description:
    "New HighLevel contacts become Breakcold persons (matched by email, then phone) with their notes and open tasks.",
  sourceApp: "highlevel",
  targetApp: "breakcold",
  requiredScopes: {
    highlevel: ["contacts.readonly"],
    breakcold: [
      "records:read",
      "records:write",
      "notes:read",
      "notes:write",
      "tasks:read",
      "tasks:write",
      "crm:metadata:read",
    ],
  },
  triggers: ["ContactCreate", "NoteCreate", "TaskCreate"],
  subjectOf: contactIdOf,
  async execute(context) {
    const contactId = contactIdOf(context.event);
    if (!contactId) {
      // Reported: TaskCreate sometimes arrives without contactId; the task cannot be placed.
      throw new PermanentRunError(`${context.event.type} event has no contact id`);
    }
    switch (context.event.type) {
      case "ContactCreate":
        await intake(context, contactId);
        return;
      case "NoteCreate": {
        const recordId = await ensureContact(context, contactId);
        await context.step("copy-note", async () => {
          const note = await noteOf(context, contactId);
          return copyNote(context, contactId, recordId, note);
        });
        return;
      }
      case "TaskCreate": {
        const recordId = await ensureContact(context, contactId);
        await context.step("copy-task", async () => {
          const task = await taskOf(context, contactId);
          // Lead intake carries open tasks only, as on ContactCreate.
          if (task.completed) return { skipped: "completed" };
          return copyTask(context, contactId, recordId, task);
        });
        return;
      }
      default:
        throw new PermanentRunError(`lead intake does not handle ${context.event.type} events`);
    }
  },
};
