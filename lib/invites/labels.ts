import type { BadgeTone } from "@/lib/tone";
import type { handshakeState, invitePhase } from "@/db/schema";
import type { ExceptionKind } from "./exceptions";
import type { InviteFilter } from "./list-schemas";

/**
 * The words and badges of invites, shared by the Invites page and the tenant page. Client-safe (types only from
 * the server modules). The predicates mirror what the service accepts, so a button is offered only when the
 * action can succeed; the service still re-checks the row itself.
 */

export type InvitePhase = (typeof invitePhase.enumValues)[number];
export type HandshakeState = (typeof handshakeState.enumValues)[number];
export type InviteStatus = { phase: InvitePhase; state: HandshakeState | null };

export const inviteFilterLabels: Record<InviteFilter, string> = {
  all: "All",
  pending: "Pending (OPEN or REQUESTED)",
  queued: "Queued (not sent yet)",
  in_flight: "In flight",
  failed: "Failed",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
  CANCELED: "Cancelled",
  EXPIRED: "Expired",
};

/** OPEN and REQUESTED both mean "waiting for the customer": the page calls them pending. */
export const isPendingInvite = (i: InviteStatus) =>
  i.phase === "sent" && (i.state === "OPEN" || i.state === "REQUESTED");

const endedTones: Record<HandshakeState, BadgeTone> = {
  REQUESTED: "warn",
  OPEN: "warn",
  ACCEPTED: "good",
  DECLINED: "bad",
  CANCELED: "neutral",
  EXPIRED: "neutral",
};

/** Pump's own phase until AWS has answered; then AWS's handshake state, which is what staff look up in AWS. */
export function inviteBadge(i: InviteStatus): { label: string; tone: BadgeTone } {
  switch (i.phase) {
    case "queued":
      return { label: "Queued", tone: "info" };
    case "in_flight":
      return { label: "In flight", tone: "info" };
    case "failed":
      return { label: "Failed", tone: "bad" };
    case "sent":
      if (isPendingInvite(i)) return { label: `Pending · ${i.state}`, tone: "warn" };
      return { label: i.state ?? "Unknown", tone: i.state ? endedTones[i.state] : "neutral" };
  }
}

/** A queued intent leaves the queue; a pending invitation is cancelled in AWS. Nothing else can be cancelled. */
export const canCancelInvite = (i: InviteStatus) => i.phase === "queued" || isPendingInvite(i);

/** Resend = cancel (if pending) + a new invitation; an accepted, queued or in-flight invite is never resent. */
export const canResendInvite = (i: InviteStatus) =>
  isPendingInvite(i) ||
  i.phase === "failed" ||
  (i.phase === "sent" && (i.state === "DECLINED" || i.state === "EXPIRED" || i.state === "CANCELED"));

export const exceptionKindLabels: Record<ExceptionKind, string> = {
  other_management: "Management account of another organization",
  other_member: "Member of another organization",
  aws_refused: "AWS refused the invitation",
  preflight: "Found by the preflight",
};

export const exceptionKindLabel = (kind: string) => exceptionKindLabels[kind as ExceptionKind] ?? kind;

/** What a send, resend or queued send ended in (SendOutcome["kind"]), in words. */
export const sendOutcomeLabels: Record<string, string> = {
  sent: "Invitation sent: it is pending until the customer accepts it in their AWS console.",
  already_pending: "Not sent: this account already has a queued, in-flight or pending invite.",
  queued: "Queued: it goes out when the organization has headroom again.",
  exception: "Exception recorded: no invitation was sent.",
  failed: "Not sent: AWS refused the invitation.",
  in_doubt: "Outcome not confirmed by AWS yet: the reconciler will settle it. Nothing will be sent twice.",
};

export const describeSendOutcome = (o: { kind: string; detail?: string }) =>
  [sendOutcomeLabels[o.kind] ?? o.kind, o.detail].filter(Boolean).join(" ");
