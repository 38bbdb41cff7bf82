import type { Preflight, Verdict } from "./preflight";
import { TRANSFER_LOSSES } from "./preflight";

/** What the browser may see of a preflight: never the External ID, never the raw rows. */
export type VerdictView = {
  kind: Verdict["kind"];
  title: string;
  detail: string;
  canSend: boolean;
  needsTransferAck: boolean;
};
export type PreflightView = {
  account: { id: string; accountId: string; name: string; pumpId: string };
  organization: { id: string; name: string; orgId: string };
  usage: Preflight["usage"];
  checks: Preflight["checks"];
  verdict: VerdictView;
};

export function verdictView(v: Verdict): VerdictView {
  switch (v.kind) {
    case "ready":
      return {
        kind: v.kind,
        title: "Ready to invite",
        detail: "Every check passed.",
        canSend: true,
        needsTransferAck: false,
      };
    case "confirm_transfer":
      return {
        kind: v.kind,
        title: "Direct transfer from another organization",
        detail: `The account is a member of ${v.otherOrgId}. If its owner accepts, it moves directly and loses: ${TRANSFER_LOSSES.join("; ")}.`,
        canSend: true,
        needsTransferAck: true,
      };
    case "exception":
      return {
        kind: v.kind,
        title: "Route to an exception",
        detail: `${v.reason}. ${v.details}`,
        canSend: false,
        needsTransferAck: false,
      };
    case "already_member":
      return { kind: v.kind, title: "Already a member", detail: v.detail, canSend: false, needsTransferAck: false };
    case "already_pending":
      return {
        kind: v.kind,
        title: "Already pending",
        detail: "An invite is already queued, in flight or pending for this account.",
        canSend: false,
        needsTransferAck: false,
      };
    case "hold":
      return {
        kind: v.kind,
        title: v.limit === "daily_limit" ? "Held by the daily limit" : "Held by the account quota",
        detail: `${v.detail}${v.nextSlotAt ? ` Next slot ${v.nextSlotAt.toISOString()}.` : ""}`,
        canSend: false,
        needsTransferAck: false,
      };
    case "blocked":
      return { kind: v.kind, title: "Cannot invite yet", detail: v.detail, canSend: false, needsTransferAck: false };
  }
}

export function preflightView(pf: Preflight): PreflightView {
  return {
    account: { id: pf.account.id, accountId: pf.account.accountId, name: pf.account.name, pumpId: pf.account.pumpId },
    organization: { id: pf.organization.id, name: pf.organization.name, orgId: pf.organization.orgId },
    usage: pf.usage,
    checks: pf.checks,
    verdict: verdictView(pf.verdict),
  };
}
