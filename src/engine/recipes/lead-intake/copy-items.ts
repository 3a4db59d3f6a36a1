import { firstLine, textToHtml } from "../../../lib/normalize.ts";
import type { RunContext } from "../../recipe.ts";
import { type CopyOutcome, copyOnce } from "./copy-once.ts";

/** A HighLevel note as the copy needs it. */
export interface SourceNote {
  readonly id: string;
  readonly body: string;
}

/** A HighLevel task as the copy needs it. */
export interface SourceTask {
  readonly id: string;
  readonly title: string;
  readonly body?: string | null | undefined;
  readonly dueDate?: string | null | undefined;
}

const NOTE_TITLE_FALLBACK = "Note from HighLevel";

function dueAtOf(task: SourceTask): number | undefined {
  if (!task.dueDate) return undefined;
  const ms = Date.parse(task.dueDate);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Copies one HighLevel note onto the Breakcold record, once. */
export function copyNote(
  context: RunContext,
  subjectId: string,
  recordId: string,
  note: SourceNote,
): Promise<CopyOutcome> {
  const breakcold = context.clients.breakcold(context.target);
  const contentPlain = note.body;
  return copyOnce(
    context,
    {
      kind: "note",
      sourceConnectionId: context.source.id,
      sourceId: note.id,
      targetConnectionId: context.target.id,
    },
    subjectId,
    async () => {
      for await (const existing of breakcold.listNotes(recordId)) {
        if (existing.contentPlain === contentPlain) return existing.id;
      }
      return undefined;
    },
    async () => {
      const created = await breakcold.createNote(recordId, {
        title: firstLine(note.body) || NOTE_TITLE_FALLBACK,
        content: textToHtml(note.body),
        contentPlain,
      });
      return created.id;
    },
  );
}

/** Copies one HighLevel task onto the Breakcold record, once. */
export function copyTask(
  context: RunContext,
  subjectId: string,
  recordId: string,
  task: SourceTask,
): Promise<CopyOutcome> {
  const breakcold = context.clients.breakcold(context.target);
  const dueAt = dueAtOf(task);
  return copyOnce(
    context,
    {
      kind: "task",
      sourceConnectionId: context.source.id,
      sourceId: task.id,
      targetConnectionId: context.target.id,
    },
    subjectId,
    async () => {
      for await (const existing of breakcold.listTasks(recordId, { includeCompleted: true })) {
        if (existing.title === task.title && existing.dueAt === dueAt) return existing.id;
      }
      return undefined;
    },
    async () => {
      const input: { title: string; descriptionPlain?: string; dueAt?: number } = {
        title: task.title,
      };
      if (task.body) input.descriptionPlain = task.body;
      if (dueAt !== undefined) input.dueAt = dueAt;
      const created = await breakcold.createTask(recordId, input);
      return created.id;
    },
  );
}
