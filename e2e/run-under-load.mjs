/**
 * `npm run test:e2e:load`: builds once, then runs the whole e2e suite several times in a row (3 unless E2E_LOAD_RUNS
 * says otherwise) while another process keeps one core busy, the way a loaded CI box is. Any failure in any run fails
 * the command. Prints each run's counts and duration, then one closing "N passed, N failed" line.
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const runs = Number(process.env.E2E_LOAD_RUNS ?? 3);
const report = path.join(tmpdir(), `pump-e2e-load-${process.pid}.json`);

// Spins one core. It also checks now and then that this script is alive, so it ends even if this script is killed
// without a chance to stop it.
const spin = `const parent = process.ppid;
for (;;) {
  for (let i = 0; i < 1e7; i++);
  try { process.kill(parent, 0); } catch { process.exit(0); }
  if (process.ppid !== parent) process.exit(0);
}`;
let busy = null;

function stopBusy() {
  if (busy && busy.exitCode === null && busy.signalCode === null) busy.kill("SIGKILL");
}
process.on("exit", stopBusy);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    stopBusy();
    process.exit(1);
  });
}

/** Runs a command in the project root, its output straight to ours; resolves to its exit code. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;

if ((await run("npx", ["next", "build"])) !== 0) {
  console.error("e2e under load: the build failed");
  process.exit(1);
}

busy = spawn(process.execPath, ["-e", spin], { stdio: "ignore" });
console.log(`e2e under load: process ${busy.pid} keeps one core busy`);

const results = [];
for (let i = 1; i <= runs; i++) {
  const started = Date.now();
  const code = await run(
    "npx",
    ["playwright", "test", "--config", "e2e/playwright.config.ts", "--reporter=list,json"],
    {
      PLAYWRIGHT_JSON_OUTPUT_FILE: report,
    },
  );
  let stats = { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
  try {
    stats = JSON.parse(readFileSync(report, "utf8")).stats;
  } catch {
    // No report: the run died before Playwright wrote one; its exit code says it failed.
  }
  rmSync(report, { force: true });
  const failed = stats.unexpected + stats.flaky + (code !== 0 && stats.unexpected + stats.flaky === 0 ? 1 : 0);
  results.push({ passed: stats.expected, failed, skipped: stats.skipped, ms: Date.now() - started });
  const r = results.at(-1);
  console.log(`e2e under load: run ${i}/${runs}: ${r.passed} passed, ${r.failed} failed in ${seconds(r.ms)}`);
}
stopBusy();

for (const [i, r] of results.entries()) {
  console.log(`  run ${i + 1}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped, ${seconds(r.ms)}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
