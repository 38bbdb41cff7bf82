import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { sandboxCallbackBody } from "@/lib/onboarding/sandbox-callback";

// How the bench measures: request latency percentiles, the server's memory while it streams the export, and
// callback ingestion throughput.

const RUNS = 100;
const WARMUP = 10;

export async function timeRequests(url: string, cookie: string) {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await once());
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  return { p50: pct(50), p95: pct(95) };
}

/** Resident memory of the server and its children, in MB. */
function treeRssMb(pid: number): number {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(pids[i])], { encoding: "utf8" });
      pids.push(
        ...children
          .split("\n")
          .map((s) => Number(s.trim()))
          .filter(Boolean),
      );
    } catch {
      // no children
    }
  }
  return pids.reduce((sum, p) => {
    const status = existsSync(`/proc/${p}/status`) ? readFileSync(`/proc/${p}/status`, "utf8") : "";
    return sum + Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  }, 0);
}

export async function measureExport(base: string, cookie: string, pid: number) {
  const before = treeRssMb(pid);
  let peak = before;
  const poll = setInterval(() => (peak = Math.max(peak, treeRssMb(pid))), 25);
  const started = performance.now();
  const response = await fetch(`${base}/tenants/export?sort=name&dir=asc`, { headers: { cookie } });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body!) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) lines++;
  }
  clearInterval(poll);
  return { rows: lines - 1, mb: bytes / 1e6, seconds: (performance.now() - started) / 1000, growthMb: peak - before };
}

/**
 * Callback ingestion: distinct, validly signed CloudFormation callbacks (sandbox key), 8 in flight at a time, as SNS
 * would deliver a burst. Measures the time to SNS's answer (verify + persist) and verified messages per second;
 * the processing that follows each answer runs concurrently, as in production.
 */
export async function measureCallbacks(base: string, total = 500, concurrency = 8) {
  const bodies = Array.from(
    { length: total },
    (_, i) =>
      sandboxCallbackBody({
        pumpId: "PUMP-0000001",
        accountId: String(300000000000 + i),
        region: "us-east-1",
        roleType: "read_only",
        externalId: "pump-bench-callback",
        token: `bench-${i}`,
      }).body,
  );
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const t = performance.now();
        const response = await fetch(`${base}/api/callbacks/cloudformation`, {
          method: "POST",
          body,
          headers: { "content-type": "text/plain; charset=UTF-8" },
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`callback answered ${response.status}`);
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    total,
    perSecond: total / seconds,
    p50: times[Math.floor(times.length / 2)]!,
    p95: times[Math.floor(times.length * 0.95)]!,
  };
}
