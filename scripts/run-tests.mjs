// Runs every test file with node:test through tsx. Node 20's `node --test` takes no globs and
// finds no .ts files by itself, so the files are listed here; zero tests run is a failure.
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const roots = process.argv.length > 2 ? process.argv.slice(2) : ["src", "test"];

function collect(path) {
  if (statSync(path).isFile()) return path.endsWith(".test.ts") ? [path] : [];
  return readdirSync(path)
    .filter((name) => name !== "node_modules" && name !== "fixtures")
    .flatMap((name) => collect(join(path, name)));
}

const files = roots.flatMap(collect).sort();
if (files.length === 0) {
  console.error("run-tests: no test files found under", roots.join(", "));
  process.exit(1);
}
const child = spawn(
  process.execPath,
  ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=1", ...files],
  { stdio: ["inherit", "pipe", "inherit"] },
);
let output = "";
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  output += chunk;
});
child.on("close", (code) => {
  const count = (label) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, "m").exec(output)?.[1] ?? 0);
  const passed = count("pass");
  const failed = count("fail");
  console.log(`\n${passed} passed, ${failed} failed, ${count("skipped")} skipped`);
  if (passed + failed === 0) {
    console.error("run-tests: zero tests ran");
    process.exit(1);
  }
  process.exit(code ?? 1);
});
