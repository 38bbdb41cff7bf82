// PostgreSQL server only (`*.pg.test.ts`): the crashing process and the test share one database, which PGlite
// (in this process's memory) cannot offer.
import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase } from "@/db/testing/test-database";
import { createSandboxGateway } from "@/lib/aws/sandbox-gateway";
import {
  addVerifiedAccount,
  countingGateway,
  inviteDeps,
  invitesOf,
  reconcileDeps,
  sandboxHandshakesFor,
} from "./testing/invite-test-kit";
import { reconcileAll } from "./reconcile";
import { sendInvite } from "./send-invite";

/**
 * The figure to reach: SIGKILL at each step of an invite → 0 invariant violations after restart, and the reconciler
 * converges (README › Invites: exactly once). A child process (testing/crash-child.ts) runs the real send path and freezes at a
 * step; the test kills it with SIGKILL (no handler runs, no transaction is finished), then plays the restarted console.
 */

const root = path.resolve(import.meta.dirname, "../..");
let handle: DatabaseHandle;
let databaseUrl: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
  const { rows } = (await handle.db.execute(sql`select current_database() as name`)) as unknown as {
    rows: { name: string }[];
  };
  const url = new URL(inject("testDatabaseUrl"));
  url.pathname = `/${rows[0]!.name}`;
  databaseUrl = url.toString();
}, 120_000);
afterAll(() => handle.close());

/** Runs the child until it reports `CRASH-POINT`, SIGKILLs it, and returns what it reported. */
function crashAt(awsAccountId: string, stage: "before-aws" | "after-aws"): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "lib/invites/testing/crash-child.ts",
        databaseUrl,
        awsAccountId,
        stage,
      ],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    let marker: string[] | null = null;
    // No clock of its own: a child that never reaches the point fails the test by the test's timeout, and is killed
    // when the test ends either way.
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n").find((l) => l.startsWith("CRASH-POINT "));
      if (line && !marker) {
        marker = line.split(" ").slice(1);
        // The process that froze must be the one started here (node itself, no wrapper), killed by its own id.
        if (Number(marker[0]) !== child.pid) err += `\nfroze in process ${marker[0]}, not in the child ${child.pid}`;
        child.kill("SIGKILL");
      }
    });
    child.on("exit", (code, signal) => {
      if (marker && signal === "SIGKILL" && Number(marker[0]) === child.pid) resolve(marker.slice(1));
      else reject(new Error(`the child exited (${code ?? signal}) without freezing at ${stage}; stderr: ${err}`));
    });
  });
}

const gateway = () => createSandboxGateway(handle.db);

describe("SIGKILL during an invite (postgres)", () => {
  it("killed between AWS's answer and the database write: after restart, one invitation, adopted, never re-sent", async () => {
    const account = await addVerifiedAccount(handle.db, "750000000001");
    const [stage, handshakeId] = await crashAt(account.id, "after-aws");
    expect(stage).toBe("after-aws");

    // What the crash left: Pump's intent in flight, AWS's one handshake.
    expect(await invitesOf(handle.db, account.id)).toMatchObject([{ phase: "in_flight", handshakeId: null }]);
    expect((await sandboxHandshakesFor(handle.db, account.accountId)).map((h) => [h.id, h.state])).toEqual([
      [handshakeId, "OPEN"],
    ]);

    // The restarted console: the reconciler reads AWS and adopts the handshake.
    const reports = await reconcileAll(reconcileDeps(handle.db, gateway(), { stuckAfterMs: 0 }));
    expect(reports.find((r) => r.organization === "Pump Main")).toMatchObject({ adopted: 1, notSent: 0 });
    expect(await invitesOf(handle.db, account.id)).toMatchObject([{ phase: "sent", handshakeId, state: "OPEN" }]);

    // Staff try again: nothing reaches AWS.
    const aws = countingGateway(gateway());
    expect(
      (await sendInvite(inviteDeps(handle.db, aws.gateway), { awsAccountId: account.id, source: "single" })).kind,
    ).toBe("already_pending");
    expect(aws.calls).toBe(0);
    expect(await sandboxHandshakesFor(handle.db, account.accountId)).toHaveLength(1);
    expect(await invitesOf(handle.db, account.id)).toHaveLength(1);
  });

  it("killed after the intent, before the AWS call: concluded not sent, and the next invite sends exactly one", async () => {
    const account = await addVerifiedAccount(handle.db, "750000000002");
    expect(await crashAt(account.id, "before-aws")).toEqual(["before-aws"]);

    expect(await invitesOf(handle.db, account.id)).toMatchObject([{ phase: "in_flight" }]);
    // While in flight the intent blocks a second send (it may still be on its way to AWS).
    const blocked = countingGateway(gateway());
    expect(
      (await sendInvite(inviteDeps(handle.db, blocked.gateway), { awsAccountId: account.id, source: "single" })).kind,
    ).toBe("already_pending");
    expect(blocked.calls).toBe(0);

    const reports = await reconcileAll(reconcileDeps(handle.db, gateway(), { stuckAfterMs: 0 }));
    expect(reports.find((r) => r.organization === "Pump Main")).toMatchObject({ adopted: 0, notSent: 1 });
    expect(await invitesOf(handle.db, account.id)).toMatchObject([
      { phase: "failed", failureCode: "not_sent", handshakeId: null },
    ]);
    expect(await sandboxHandshakesFor(handle.db, account.accountId)).toHaveLength(0);

    const aws = countingGateway(gateway());
    const outcome = await sendInvite(inviteDeps(handle.db, aws.gateway), {
      awsAccountId: account.id,
      source: "single",
    });
    expect(outcome.kind).toBe("sent");
    expect(aws.calls).toBe(1);
    expect(await sandboxHandshakesFor(handle.db, account.accountId)).toHaveLength(1);
    expect((await invitesOf(handle.db, account.id)).map((r) => r.phase)).toEqual(["failed", "sent"]);
  });
});
