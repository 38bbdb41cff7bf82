import type { BadgeTone } from "@/components/ui/badge";
import { formatUtc } from "@/lib/format/utc";
import type { BulkPreview, BulkRow } from "@/lib/invites/bulk-preview";

/** Words for the bulk page: a row's plan (from the preview) and its outcome (from the run). Pure, client-safe. */

export type Limit = "daily limit" | "quota";

/** Which limit holds back the rows that wait: the tighter of the two, as the preview's headroom was computed. */
export function bindingLimit(usage: BulkPreview["usage"]): Limit {
  const quotaRoom = usage.quota - usage.members - usage.pending;
  const dailyRoom = usage.dailyLimit - usage.attempts24h;
  return dailyRoom <= quotaRoom ? "daily limit" : "quota";
}

export function planBadge(plan: BulkRow["plan"], limit: Limit): { label: string; tone: BadgeTone } {
  switch (plan) {
    case "send":
      return { label: "Send now", tone: "good" };
    case "wait":
      return { label: `Waits — ${limit}`, tone: "warn" };
    case "exception":
      return { label: "Exception — no invite", tone: "bad" };
    case "skip":
      return { label: "Skipped", tone: "neutral" };
  }
}

/** Rows the batch queues: sendable now or later, and exceptions (so the service records their exception case). */
export const isQueuedPlan = (plan: BulkRow["plan"]) => plan === "send" || plan === "wait" || plan === "exception";

export function planSummary(preview: BulkPreview): string {
  const count = (plan: BulkRow["plan"]) => preview.rows.filter((r) => r.plan === plan).length;
  const limit = bindingLimit(preview.usage);
  const parts = [`${preview.sendNow} will be sent now`];
  if (preview.wait > 0) {
    const when =
      limit === "quota"
        ? "until accounts leave or the quota is raised"
        : preview.usage.nextSlotAt
          ? `next slot ${formatUtc(preview.usage.nextSlotAt)}`
          : "a slot frees up 24 hours after each attempt";
    parts.push(`${preview.wait} will wait for the ${limit} (${when})`);
  }
  if (count("exception") > 0) parts.push(`${count("exception")} will get an exception record instead of an invite`);
  if (count("skip") > 0) parts.push(`${count("skip")} skipped`);
  return `${parts.join(", ")}.`;
}

export type RowOutcome =
  | { kind: "queued" }
  | { kind: "sending" }
  | { kind: "sent" }
  | { kind: "waiting"; detail: string }
  | { kind: "exception"; detail: string }
  | { kind: "failed"; detail: string }
  | { kind: "in_doubt"; detail: string }
  | { kind: "already_pending"; detail: string }
  /** The action itself refused or broke (not AWS): nothing is claimed about the invite beyond the message. */
  | { kind: "error"; detail: string };

/** Outcomes that end a row's part in this run (the progress bar counts these). */
export const isSettled = (o: RowOutcome | undefined) => o !== undefined && o.kind !== "queued" && o.kind !== "sending";

export function outcomeBadge(o: RowOutcome): { label: string; tone: BadgeTone } {
  switch (o.kind) {
    case "queued":
      return { label: "Queued — sending shortly", tone: "neutral" };
    case "sending":
      return { label: "Sending…", tone: "info" };
    case "sent":
      return { label: "Sent", tone: "good" };
    case "waiting":
      // The service words the reason ("Waiting for the account quota…"); the daily limit is the usual one.
      return { label: `Waiting: ${/quota/i.test(o.detail) ? "quota" : "daily limit"}`, tone: "warn" };
    case "exception":
      return { label: "Exception — no invite", tone: "bad" };
    case "failed":
      return { label: "Failed — not sent", tone: "bad" };
    case "in_doubt":
      return { label: "In doubt — reconciling", tone: "warn" };
    case "already_pending":
      return { label: "Already pending", tone: "neutral" };
    case "error":
      return { label: "Error — see detail", tone: "bad" };
  }
}

export const WAITING_NOTE =
  "Waiting in the queue — sent when headroom returns (Invites page → Send queued, or the reconciler).";
