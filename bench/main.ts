import { runGovernorBench } from "./governor.ts";

/** A positive integer from the environment, or the default; anything else stops the run. */
function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
}

/** Each benchmark prints its figures with their ratio to the stated target; the last line is JSON. */
const BENCHES: Record<string, () => Promise<boolean>> = {
  async governor() {
    const calls = positive("BENCH_CALLS", 5000);
    const limit = positive("BENCH_LIMIT", 100);
    const windowMs = positive("BENCH_WINDOW_MS", 1000);
    console.log(`governor: ${calls} HighLevel calls, emulator budget ${limit} per ${windowMs} ms`);
    const result = await runGovernorBench({ calls, limit, windowMs, concurrency: 64 });
    const target = 1.05;
    console.log(
      `  seconds             ${result.seconds} (theoretical minimum ${result.minimumSeconds})`,
    );
    console.log(
      `  ratio to minimum    ${result.ratioToMinimum} (target ≤ ${target}; ratio to target ${(result.ratioToMinimum / target).toFixed(3)})`,
    );
    console.log(`  429 answers         ${result.responses429} (target 0)`);
    console.log(
      `  interactive wait    ${result.interactiveWaitMs} ms (target < one window, ${windowMs} ms; ratio to target ${(result.interactiveWaitMs / windowMs).toFixed(3)})`,
    );
    console.log(`  failed calls        ${result.errors}`);
    console.log(JSON.stringify(result));
    return (
      result.ratioToMinimum <= target &&
      result.responses429 === 0 &&
      result.interactiveWaitMs < windowMs &&
      result.errors === 0
    );
  },
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark(s): ${unknown.join(", ")}; known: ${Object.keys(BENCHES).join(", ")}`,
  );
  process.exit(2);
}
let allMet = true;
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
  const met = await (BENCHES[name] as () => Promise<boolean>)();
  if (!met) allMet = false;
}
process.exitCode = allMet ? 0 : 1;
