import type { BadgeTone } from "@/lib/tone";
import type { awsAccounts, exceptionState, handshakeState } from "@/db/schema";

// Words for the tenant page that the list does not need (the shared ones are in labels.ts).

type Col<K extends keyof typeof awsAccounts.$inferSelect> = NonNullable<(typeof awsAccounts.$inferSelect)[K]>;

export const deploymentLabels: Record<Col<"deploymentMethod">, string> = {
  cloudformation: "CloudFormation",
  manual: "Manual",
};

export const verificationTones: Record<Col<"verificationState">, BadgeTone> = {
  unverified: "neutral",
  verified: "good",
  failed: "bad",
  unprotected: "bad",
};

export const handshakeTones: Record<(typeof handshakeState.enumValues)[number], BadgeTone> = {
  REQUESTED: "info",
  OPEN: "warn",
  ACCEPTED: "good",
  DECLINED: "bad",
  CANCELED: "neutral",
  EXPIRED: "neutral",
};

export const exceptionLabels: Record<(typeof exceptionState.enumValues)[number], string> = {
  open: "Open",
  in_progress: "In progress",
  resolved: "Resolved",
  dismissed: "Dismissed",
};

type Membership = {
  membership: Col<"membership">;
  pumpOrganizationName: string | null;
  otherOrgId: string | null;
};

/** "Member of Pump organization Pump Main", "Member of another organization o-…", … */
export function describeMembership(a: Membership): string {
  switch (a.membership) {
    case "standalone":
      return "Standalone (no organization)";
    case "pump_member":
      return `Member of Pump organization ${a.pumpOrganizationName ?? "(unknown)"}`;
    case "other_member":
      return `Member of another organization ${a.otherOrgId ?? "(ID unknown)"}`;
    case "other_management":
      return `Management account of another organization${a.otherOrgId ? ` (${a.otherOrgId})` : ""}`;
    case "unknown":
      return "Unknown";
  }
}
