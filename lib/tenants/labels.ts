import type { BadgeTone } from "@/lib/tone";
import type { awsAccounts } from "@/db/schema";

type Col<K extends keyof typeof awsAccounts.$inferSelect> = NonNullable<(typeof awsAccounts.$inferSelect)[K]>;

/** The words the UI and the CSV use for each state; one place, so list, page and export agree. */
export const onboardingLabels: Record<Col<"onboardingState">, string> = {
  link_issued: "Link issued",
  role_deployed: "Role deployed",
  role_verified: "Role verified",
  invited: "Invited",
  joined: "Joined",
  exception: "Exception",
  offboarded: "Offboarded",
};

export const onboardingTones: Record<Col<"onboardingState">, BadgeTone> = {
  link_issued: "neutral",
  role_deployed: "info",
  role_verified: "info",
  invited: "warn",
  joined: "good",
  exception: "bad",
  offboarded: "neutral",
};

export const roleTypeLabels: Record<Col<"roleType">, string> = { read_only: "Read-only", autopilot: "Autopilot" };

export const membershipLabels: Record<Col<"membership">, string> = {
  standalone: "Standalone",
  pump_member: "Member of a Pump organization",
  other_member: "Member of another organization",
  other_management: "Management account of another organization",
  unknown: "Unknown",
};

export const verificationLabels: Record<Col<"verificationState">, string> = {
  unverified: "Not verified",
  verified: "Verified",
  failed: "Verification failed",
  unprotected: "Unprotected (no External ID condition)",
};

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
