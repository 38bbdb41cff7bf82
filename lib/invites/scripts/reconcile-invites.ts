import { randomUUID } from "node:crypto";
import { getAwsGateway } from "@/lib/aws";
import { recordAudit } from "@/lib/audit/record";
import { processInviteQueue } from "@/lib/invites/queue";
import { reconcileAll } from "@/lib/invites/reconcile";
import { closeDb, getDb } from "@/db/client";

// `npm run invites:reconcile [-- --no-send-queued]`: the invites reconciler, for a cron job or an operator.
// 1. Reads AWS for every Pump organization: adopts handshakes of intents left in flight (a crash, a timeout),
//    concludes intents AWS never received, follows every invitation's state. It never re-sends.
// 2. Then (unless --no-send-queued) sends invites waiting in the queue while the daily limit and quota allow —
//    first sends, each through the same exactly-once path as the Invite button.
// Exit code 1 when an organization could not be read, so a scheduler notices.
const actor = { system: "reconciler" } as const;
const requestId = `reconciler-${randomUUID()}`;
const db = await getDb();
const gateway = await getAwsGateway();
const staff = { email: "reconciler" };

const reports = await reconcileAll({ db, gateway, staff, actor, requestId });
for (const r of reports) {
  console.log(
    `${r.organization}: adopted ${r.adopted}, concluded not sent ${r.notSent}, state changes ${r.changed}, imported ${r.imported}` +
      (r.error ? ` — could not read AWS: ${r.error}` : ""),
  );
}
if (!process.argv.includes("--no-send-queued")) {
  const outcomes = await processInviteQueue({
    db,
    gateway,
    staff,
    requestedBy: "system:reconciler",
    audit: (tx, entry) => recordAudit(tx, actor, requestId, { action: "invites.send", ...entry }),
  });
  const tally = outcomes.reduce<Record<string, number>>((t, o) => ({ ...t, [o.kind]: (t[o.kind] ?? 0) + 1 }), {});
  console.log(
    `queue: ${
      outcomes.length
        ? Object.entries(tally)
            .map(([k, n]) => `${n} ${k}`)
            .join(", ")
        : "empty"
    }`,
  );
}
await closeDb();
if (reports.some((r) => r.error)) process.exit(1);
