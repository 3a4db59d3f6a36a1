// Runs every test file with node:test through tsx. Node 20's `node --test` takes no globs and
// finds no .ts files by itself, so the files are listed here; zero tests run is a failure.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const roots = process.argv.length > 2 ? process.argv.slice(2) : ["src", "test"];

function collect(path) {
  if (statSync(path).isFile()) return path.endsWith(".test.ts") ? [path] : [];
  return readdirSync(path)
    .filter((name) => name !== "node_modules")
    .flatMap((name) => collect(join(path, name)));
}

const files = roots.flatMap(collect).sort();
if (files.length === 0) {
  console.error("run-tests: no test files found under", roots.join(", "));
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=1", ...files],
  { stdio: ["inherit", "pipe", "inherit"], encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
);
process.stdout.write(result.stdout ?? "");
const passed = /^ℹ pass (\d+)$/m.exec(result.stdout ?? "");
const failed = /^ℹ fail (\d+)$/m.exec(result.stdout ?? "");
const passCount = passed ? Number(passed[1]) : 0;
const failCount = failed ? Number(failed[1]) : 0;
console.log(`\n${passCount} passed, ${failCount} failed`);
if (passCount + failCount === 0) {
  console.error("run-tests: zero tests ran");
  process.exit(1);
}
process.exit(result.status ?? 1);
