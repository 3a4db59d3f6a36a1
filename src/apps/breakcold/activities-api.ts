import type { RouteCaller } from "./route-caller.ts";
import { type BreakcoldRoute, breakcoldRoutes as routes } from "./routes.ts";
import {
  type BreakcoldNote,
  type BreakcoldTask,
  noteEnvelope,
  noteSchema,
  taskEnvelope,
  taskSchema,
} from "./schemas.ts";

/** Body of `tasks_create`; `dueAt` is epoch milliseconds. */
export interface TaskInput {
  title: string;
  descriptionPlain?: string;
  descriptionHtml?: string;
  dueAt?: number;
  assigneeUserIds?: string[];
  conversationId?: string;
}

/** Body of `tasks_update`: only the keys given change; `dueAt: null` clears the due date. */
export interface TaskPatch {
  title?: string;
  descriptionPlain?: string;
  descriptionHtml?: string;
  status?: "todo" | "done";
  dueAt?: number | null;
  assigneeUserIds?: string[];
}

/** Notes and tasks of records. */
export interface BreakcoldActivitiesApi {
  listNotes(recordId: string, options?: { pageSize?: number }): AsyncIterable<BreakcoldNote>;
  getNote(noteId: string): Promise<BreakcoldNote>;
  /** `content` is HTML; `contentPlain` defaults server-side to its text. */
  createNote(
    recordId: string,
    input: { title: string; content: string; contentPlain?: string },
  ): Promise<BreakcoldNote>;
  /** Only the keys given change; a new `content` without `contentPlain` re-derives it. */
  updateNote(
    noteId: string,
    input: { title?: string; content?: string; contentPlain?: string },
  ): Promise<BreakcoldNote>;
  /** Open tasks only unless `includeCompleted`. */
  listTasks(
    recordId: string,
    options?: { includeCompleted?: boolean; pageSize?: number },
  ): AsyncIterable<BreakcoldTask>;
  createTask(recordId: string, input: TaskInput): Promise<BreakcoldTask>;
  updateTask(taskId: string, input: TaskPatch): Promise<BreakcoldTask>;
  /** Marks the task done; completing a done task changes nothing. */
  completeTask(taskId: string): Promise<BreakcoldTask>;
}

type Params = { [name: string]: string };

/** The notes-and-tasks group of the client, on `caller`. */
export function activitiesApi({ call, pages }: RouteCaller): BreakcoldActivitiesApi {
  const note = async (target: BreakcoldRoute, params: Params, body?: unknown) =>
    (await call(target, params, { body }, noteEnvelope)).note;
  const task = async (target: BreakcoldRoute, params: Params, body?: unknown) =>
    (await call(target, params, { body }, taskEnvelope)).task;
  return {
    listNotes: (recordId, { pageSize } = {}) =>
      pages(routes.notes_list, { recordId }, {}, pageSize, noteSchema),
    getNote: (noteId) => note(routes.notes_get, { noteId }),
    createNote: (recordId, input) => note(routes.notes_create, { recordId }, input),
    updateNote: (noteId, input) => note(routes.notes_update, { noteId }, input),
    listTasks: (recordId, { pageSize, includeCompleted } = {}) =>
      pages(routes.tasks_list, { recordId }, { includeCompleted }, pageSize, taskSchema),
    createTask: (recordId, input) => task(routes.tasks_create, { recordId }, input),
    updateTask: (taskId, input) => task(routes.tasks_update, { taskId }, input),
    completeTask: (taskId) => task(routes.tasks_complete, { taskId }),
  };
}
