import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";

const ROOT = new URL("..", import.meta.url).pathname;
const BIN = join(ROOT, "bin", "contact-bridge.js");
const dataDir = mkdtempSync(join(tmpdir(), "contact-bridge-cli-"));
const children: ChildProcess[] = [];

after(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(),
      );
    });
  });
}

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `contact-bridge start` and resolves with its banner once it listens. */
function start(env: Record<string, string>): Promise<{ child: ChildProcess; banner: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "start"], { env: { ...process.env, ...env } });
    children.push(child);
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 20_000);
    child.stdout?.on("data", (chunk) => {
      out += chunk;
      if (out.includes("try it:")) {
        clearTimeout(timer);
        resolve({ child, banner: out });
      }
    });
    child.on("exit", (code) => reject(new Error(`start exited ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

test("start serves /healthz and the sandbox; demo lead-intake succeeds, also after a restart", async () => {
  const port = await freePort();
  const env = { PORT: String(port), BRIDGE_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  const first = await start(env);
  assert.match(
    first.banner,
    new RegExp(`HighLevel sandbox: http://127.0.0.1:${port}/sandbox/highlevel`),
  );
  assert.match(first.banner, /Breakcold sandbox: .*\/sandbox\/breakcold\/api\/v1/);
  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  assert.equal(health.status, 200);
  assert.equal(((await health.json()) as { status: string }).status, "ok");
  assert.equal(statSync(join(dataDir, "cli-token")).mode & 0o777, 0o600);

  const demo = await run(["demo", "lead-intake", "--json"], env);
  assert.equal(demo.code, 0, demo.stderr + demo.stdout);
  const lines = demo.stdout.trim().split("\n");
  assert.equal(lines.length, 1, "one JSON line");
  const result = JSON.parse(lines[0] ?? "{}");
  assert.equal(result.status, "succeeded");
  assert.equal(result.notesCopied, 2);
  assert.equal(result.tasksCopied, 2);
  assert.equal(result.runIds.length, 5);
  assert.match(result.breakcoldRecordId, /^\w{6,}$/);

  await stop(first.child);
  const second = await start(env);
  const location = /location (\w+)/.exec(first.banner)?.[1];
  assert.ok(
    location && second.banner.includes(`location ${location}`),
    "same sandbox location after restart",
  );
  const again = await run(["demo", "lead-intake", "--json"], env);
  assert.equal(again.code, 0, again.stderr + again.stdout);
  assert.equal(JSON.parse(again.stdout).status, "succeeded");
  await stop(second.child);
});

test("demo without a running bridge explains what to do", async () => {
  const empty = mkdtempSync(join(tmpdir(), "contact-bridge-empty-"));
  try {
    const result = await run(["demo", "lead-intake", "--json"], { BRIDGE_DATA_DIR: empty });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /start the bridge first/);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
