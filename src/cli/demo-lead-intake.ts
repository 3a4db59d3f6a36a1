import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { createBreakcoldClient } from "../apps/breakcold/client.ts";
import { createHighLevelClient } from "../apps/highlevel/client.ts";
import type { BridgeApi } from "./bridge-api.ts";

const credentialsSchema = z.object({
  highlevel: z.object({ baseUrl: z.string(), locationId: z.string(), token: z.string() }),
  breakcold: z.object({ baseUrl: z.string(), workspaceId: z.string(), apiKey: z.string() }),
});
const runsSchema = z.object({
  runs: z.array(z.object({ id: z.string(), status: z.string(), error: z.string().nullable() })),
});
const linksSchema = z.object({
  links: z.array(
    z.object({
      kind: z.string(),
      sourceId: z.string(),
      targetId: z.string().nullable(),
      state: z.string(),
    }),
  ),
});

export interface DemoResult {
  breakcoldRecordId: string | null;
  notesCopied: number;
  tasksCopied: number;
  runIds: string[];
  status: "succeeded" | "failed" | "timed_out";
  errors?: string[];
}

const FIRST_NAMES = ["Maya", "Liam", "Sofia", "Noah", "Amara", "Lucas", "Ines", "Kenji"];
const LAST_NAMES = ["Okafor", "Lindqvist", "Moreau", "Patel", "Romero", "Nakamura", "Fischer"];
const COMPANIES = ["Northwind Roofing", "Bluebird Dental", "Harbor Legal", "Summit Solar"];

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

/**
 * Acts as a web form and then a salesperson in the HighLevel sandbox (one contact, two notes,
 * two open tasks), then waits until the bridge has copied all four into Breakcold and every
 * run the demo's events caused has finished.
 */
export async function runLeadIntakeDemo(api: BridgeApi, timeoutMs = 30_000): Promise<DemoResult> {
  const sandbox = await api.post("/sandbox/credentials", credentialsSchema);
  const hl = createHighLevelClient({
    baseUrl: sandbox.highlevel.baseUrl,
    token: sandbox.highlevel.token,
  });
  const bc = createBreakcoldClient({
    baseUrl: sandbox.breakcold.baseUrl,
    apiKey: sandbox.breakcold.apiKey,
  });
  const firstName = pick(FIRST_NAMES);
  const lastName = pick(LAST_NAMES);
  const tag = Math.random().toString(36).slice(2, 8);
  const contact = await hl.createContact({
    locationId: sandbox.highlevel.locationId,
    firstName,
    lastName,
    email: `${firstName}.${lastName}.${tag}@example.com`.toLowerCase(),
    phone: `+1415555${String(Math.floor(1000 + Math.random() * 9000))}`,
    companyName: pick(COMPANIES),
    source: "Website contact form",
    tags: ["web-lead"],
  });
  await hl.createNote(contact.id, {
    body: `Form message: Interested in a quote for ${contact.companyName ?? "their business"}. Best time to call is mornings.`,
  });
  await hl.createNote(contact.id, {
    body: "Spoke on the phone: budget approved, wants a proposal by Friday.",
  });
  const day = 86_400_000;
  const due = (days: number) =>
    new Date(Date.now() + days * day).toISOString().replace(/\.\d{3}Z$/, "Z");
  await hl.createTask(contact.id, {
    title: "Call back about the quote",
    body: "Mornings work best.",
    dueDate: due(1),
    completed: false,
  });
  await hl.createTask(contact.id, {
    title: "Send proposal",
    body: "Budget approved.",
    dueDate: due(3),
    completed: false,
  });

  const deadline = Date.now() + timeoutMs;
  const expectedEvents = 5;
  let last: DemoResult = {
    breakcoldRecordId: null,
    notesCopied: 0,
    tasksCopied: 0,
    runIds: [],
    status: "timed_out",
  };
  while (Date.now() < deadline) {
    const { runs } = await api.get("/runs", runsSchema, { subject: contact.id, limit: "100" });
    const { links } = await api.get("/links", linksSchema, { subject: contact.id });
    const done = links.filter((link) => link.state === "done" && link.targetId);
    const recordId = done.find((link) => link.kind === "contact")?.targetId ?? null;
    let notesCopied = 0;
    let tasksCopied = 0;
    if (recordId) {
      // Count what is really in Breakcold, not only what the bridge believes it copied.
      const noteTargets = new Set(done.filter((l) => l.kind === "note").map((l) => l.targetId));
      const taskTargets = new Set(done.filter((l) => l.kind === "task").map((l) => l.targetId));
      for await (const note of bc.listNotes(recordId)) if (noteTargets.has(note.id)) notesCopied++;
      for await (const task of bc.listTasks(recordId, { includeCompleted: true }))
        if (taskTargets.has(task.id)) tasksCopied++;
    }
    const finished = runs.filter((run) => run.status === "succeeded" || run.status === "failed");
    const failed = runs.filter((run) => run.status === "failed");
    last = {
      breakcoldRecordId: recordId,
      notesCopied,
      tasksCopied,
      runIds: runs.map((r) => r.id),
      status: "timed_out",
    };
    if (failed.length > 0 && finished.length === runs.length && runs.length >= expectedEvents) {
      return {
        ...last,
        status: "failed",
        errors: failed.map((run) => `${run.id}: ${run.error ?? "failed"}`),
      };
    }
    if (
      runs.length >= expectedEvents &&
      finished.length === runs.length &&
      notesCopied === 2 &&
      tasksCopied === 2
    ) {
      return { ...last, status: failed.length === 0 ? "succeeded" : "failed" };
    }
    await sleep(200);
  }
  return last;
}
