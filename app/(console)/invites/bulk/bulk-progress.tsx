import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Meter } from "@/components/ui/meter";
import { isSettled, WAITING_NOTE, type RowOutcome } from "./bulk-labels";
import type { RunState } from "./use-bulk-run";

const count = (outcomes: RowOutcome[], kind: RowOutcome["kind"]) => outcomes.filter((o) => o.kind === kind).length;

/** The run as it goes: a bar over the batch and counts by outcome; only the action's own "sent" counts as sent. */
export function BulkProgress({ run }: { run: RunState }) {
  if (run.status === "queuing") {
    return (
      <p role="status" className="text-sm text-slate-700">
        Queuing the batch…
      </p>
    );
  }
  const outcomes = Object.values(run.outcomes);
  const settled = outcomes.filter(isSettled).length;
  const waiting = count(outcomes, "waiting");
  const parts = [
    `${count(outcomes, "sent")} sent`,
    `${waiting} waiting in the queue`,
    `${count(outcomes, "exception")} exceptions`,
    `${count(outcomes, "failed")} failed`,
    `${count(outcomes, "in_doubt")} in doubt`,
  ];
  const alreadyPending = count(outcomes, "already_pending");
  if (alreadyPending > 0) parts.push(`${alreadyPending} already pending`);
  const errors = count(outcomes, "error");
  if (errors > 0) parts.push(`${errors} errors`);

  return (
    <section
      aria-labelledby="bulk-progress-heading"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="bulk-progress-heading" className="text-sm font-semibold text-slate-900">
        {run.status === "done" ? "Bulk invite finished" : "Sending…"}
      </h2>
      <Meter
        label="Bulk invite progress"
        value={settled}
        max={run.total}
        tone={run.status === "done" && waiting > 0 ? "warn" : "ok"}
      />
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        <span className="font-semibold tabular-nums">
          {settled} of {run.total} done
        </span>
        : {parts.join(" · ")}
      </p>
      {run.status === "sending" ? (
        <p className="text-xs text-slate-500">
          Keep this page open while it sends. If you leave, the invites not sent yet simply stay queued.
        </p>
      ) : null}
      {run.status === "done" && waiting > 0 ? (
        <Alert tone="info">
          {waiting} {waiting === 1 ? "invite is" : "invites are"}{" "}
          {WAITING_NOTE.charAt(0).toLowerCase() + WAITING_NOTE.slice(1)}
          {run.heldBecause ? ` ${run.heldBecause}` : ""}
        </Alert>
      ) : null}
      {run.error ? <Alert tone="error">{run.error}</Alert> : null}
      {run.status === "done" ? (
        <p className="text-sm">
          <Link href="/invites" className="text-indigo-700 hover:underline">
            Follow these invites on the Invites page
          </Link>{" "}
          ·{" "}
          <Link href="/organizations" className="text-indigo-700 hover:underline">
            Organizations
          </Link>{" "}
          · {/* A plain link, not a client reset: the next batch starts from a fresh page and fresh numbers. */}
          <a href="/invites/bulk" className="text-indigo-700 hover:underline">
            Start another bulk invite
          </a>
        </p>
      ) : null}
    </section>
  );
}
