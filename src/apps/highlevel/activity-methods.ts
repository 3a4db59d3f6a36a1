import type { Transport } from "../../http/transport.ts";
import type {
  CreateNoteInput,
  CreateTaskInput,
  UpdateNoteInput,
  UpdateTaskInput,
} from "./inputs.ts";
import {
  type Appointment,
  eventsResponseSchema,
  type Note,
  noteResponseSchema,
  notesResponseSchema,
  succededSchema,
  type Task,
  taskResponseSchema,
  tasksResponseSchema,
} from "./schemas.ts";

/** Notes, tasks and appointments of one contact. */
export interface ActivityMethods {
  listNotes(contactId: string): Promise<Note[]>;
  getNote(contactId: string, noteId: string): Promise<Note>;
  createNote(contactId: string, input: CreateNoteInput): Promise<Note>;
  updateNote(contactId: string, noteId: string, input: UpdateNoteInput): Promise<Note>;
  deleteNote(contactId: string, noteId: string): Promise<void>;
  listTasks(contactId: string): Promise<Task[]>;
  getTask(contactId: string, taskId: string): Promise<Task>;
  createTask(contactId: string, input: CreateTaskInput): Promise<Task>;
  updateTask(contactId: string, taskId: string, input: UpdateTaskInput): Promise<Task>;
  /** `PUT .../tasks/:taskId/completed`; completing sends HighLevel's TaskComplete event. */
  completeTask(contactId: string, taskId: string, completed?: boolean): Promise<Task>;
  deleteTask(contactId: string, taskId: string): Promise<void>;
  /** The contact's appointments (answered under `events`, times zone-less local). */
  listAppointments(contactId: string): Promise<Appointment[]>;
}

const seg = encodeURIComponent;

export function activityMethods(transport: Transport): ActivityMethods {
  const base = (contactId: string) => `/contacts/${seg(contactId)}`;
  const note = (c: string, n: string) => `${base(c)}/notes/${seg(n)}`;
  const task = (c: string, t: string) => `${base(c)}/tasks/${seg(t)}`;
  return {
    async listNotes(contactId) {
      const path = `${base(contactId)}/notes`;
      return (await transport.request({ method: "GET", path }, notesResponseSchema)).notes;
    },
    async getNote(contactId, noteId) {
      const path = note(contactId, noteId);
      return (await transport.request({ method: "GET", path }, noteResponseSchema)).note;
    },
    async createNote(contactId, input) {
      const spec = { method: "POST", path: `${base(contactId)}/notes`, body: input } as const;
      return (await transport.request(spec, noteResponseSchema)).note;
    },
    async updateNote(contactId, noteId, input) {
      const spec = { method: "PUT", path: note(contactId, noteId), body: input } as const;
      return (await transport.request(spec, noteResponseSchema)).note;
    },
    async deleteNote(contactId, noteId) {
      await transport.request({ method: "DELETE", path: note(contactId, noteId) }, succededSchema);
    },
    async listTasks(contactId) {
      const path = `${base(contactId)}/tasks`;
      return (await transport.request({ method: "GET", path }, tasksResponseSchema)).tasks;
    },
    async getTask(contactId, taskId) {
      const path = task(contactId, taskId);
      return (await transport.request({ method: "GET", path }, taskResponseSchema)).task;
    },
    async createTask(contactId, input) {
      const spec = { method: "POST", path: `${base(contactId)}/tasks`, body: input } as const;
      return (await transport.request(spec, taskResponseSchema)).task;
    },
    async updateTask(contactId, taskId, input) {
      const spec = { method: "PUT", path: task(contactId, taskId), body: input } as const;
      return (await transport.request(spec, taskResponseSchema)).task;
    },
    async completeTask(contactId, taskId, completed = true) {
      const path = `${task(contactId, taskId)}/completed`;
      const spec = { method: "PUT", path, body: { completed } } as const;
      return (await transport.request(spec, taskResponseSchema)).task;
    },
    async deleteTask(contactId, taskId) {
      await transport.request({ method: "DELETE", path: task(contactId, taskId) }, succededSchema);
    },
    async listAppointments(contactId) {
      const path = `${base(contactId)}/appointments`;
      return (await transport.request({ method: "GET", path }, eventsResponseSchema)).events;
    },
  };
}
