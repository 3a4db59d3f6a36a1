import { runGovernorBench } from "./governor.ts";

/** Each benchmark prints its figures with their ratio to the stated target; the last line is JSON. */
const BENCHES: Record<string, () => Promise<boolean>> = {
  async governor() {
    const calls = Number(process.env.BENCH_CALLS ?? 5000);
    const limit = Number(process.env.BENCH_LIMIT ?? 100);
    const windowMs = Number(process.env.BENCH_WINDOW_MS ?? 1000);
    console.log(`governor: ${calls} HighLevel calls, emulator budget ${limit} per ${windowMs} ms`);
    const result = await runGovernorBench({ calls, limit, windowMs, concurrency: 64 });
    const target = 1.05;
    console.log(
      `  seconds             ${result.seconds} (theoretical minimum ${result.minimumSeconds})`,
    );
    console.log(
      `  ratio to minimum    ${result.ratioToMinimum} (target ≤ ${target}: ${(result.ratioToMinimum / target).toFixed(3)} of it)`,
    );
    console.log(`  429 answers         ${result.responses429} (target 0)`);
    console.log(
      `  interactive wait    ${result.interactiveWaitMs} ms (target < one window, ${windowMs} ms: ${(result.interactiveWaitMs / windowMs).toFixed(3)} of it)`,
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
