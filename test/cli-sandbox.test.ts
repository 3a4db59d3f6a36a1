import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { after, test } from "node:test";

const BIN = join(new URL("..", import.meta.url).pathname, "bin", "contact-bridge.js");
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

interface SandboxLine {
  highlevel: { baseUrl: string; locationId: string; token: string };
  breakcold: { baseUrl: string; workspaceId: string; token: string };
}

function startSandbox(): Promise<{ child: ChildProcess; line: SandboxLine }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "sandbox", "--json"]);
    children.push(child);
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no JSON line: ${out}`)), 20_000);
    child.stdout?.on("data", (chunk) => {
      out += chunk;
      const newline = out.indexOf("\n");
      if (newline < 0) return;
      clearTimeout(timer);
      resolve({ child, line: JSON.parse(out.slice(0, newline)) as SandboxLine });
    });
    child.on("exit", (code) => reject(new Error(`sandbox exited ${code}: ${out}`)));
  });
}

test("contact-bridge sandbox --json serves both emulators and prints one JSON line first", async () => {
  const { child, line } = await startSandbox();
  assert.match(line.highlevel.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.match(line.breakcold.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
  assert.deepEqual(Object.keys(line.highlevel), ["baseUrl", "locationId", "token"]);
  assert.deepEqual(Object.keys(line.breakcold), ["baseUrl", "workspaceId", "token"]);

  const contacts = await fetch(
    `${line.highlevel.baseUrl}/contacts/?locationId=${line.highlevel.locationId}`,
    { headers: { Authorization: `Bearer ${line.highlevel.token}`, Version: "2021-07-28" } },
  );
  assert.equal(contacts.status, 200);
  assert.deepEqual(((await contacts.json()) as { contacts: unknown[] }).contacts, []);
  assert.equal(contacts.headers.get("x-ratelimit-max"), "100");
  const created = await fetch(`${line.highlevel.baseUrl}/contacts/`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${line.highlevel.token}`,
      Version: "2021-07-28",
      "content-type": "application/json",
    },
    body: JSON.stringify({ locationId: line.highlevel.locationId, firstName: "Ada" }),
  });
  assert.equal(created.status, 201, "the HighLevel token can write");

  const workspaces = await fetch(`${line.breakcold.baseUrl}/workspaces`, {
    headers: { Authorization: `Bearer ${line.breakcold.token}` },
  });
  assert.equal(workspaces.status, 200);
  assert.ok(JSON.stringify(await workspaces.json()).includes(line.breakcold.workspaceId));

  const clock = await fetch(`${line.highlevel.baseUrl}/_emulator/clock`);
  assert.equal(typeof ((await clock.json()) as { now: number }).now, "number");

  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  child.kill("SIGTERM");
  assert.equal(await exited, 0);
});
