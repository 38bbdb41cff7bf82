import "server-only";
import type { Db } from "@/db/client";
import type { AwsGateway } from "@/lib/aws";
import type { StaffRef } from "@/lib/aws/role-chain";
import type { AuditEntry } from "@/lib/audit/record";
import type { InviteRow } from "./context";

/** What one send needs, asks for and ends in: shared by sendInvite and the steps it runs. */

export type InviteDeps = {
  db: Db;
  gateway: AwsGateway;
  /** Names the role sessions, so the customer's CloudTrail shows who at Pump acted. */
  staff: StaffRef;
  /** `staff@…` or `system:<name>`: stored on the invite. */
  requestedBy: string;
  /** Writes the single audit row of this send, in the transaction that records the outcome. */
  audit: (tx: Db, entry: Omit<AuditEntry, "action"> & { action?: string }) => Promise<void>;
  now?: () => Date;
  backoffMs?: readonly number[];
};

export type SendRequest = {
  awsAccountId: string;
  pumpOrganizationId?: string | null;
  source: "single" | "bulk" | "auto" | "resend";
  /** Staff read what a direct transfer out of the customer's current organization costs, and accept it. */
  acknowledgeTransfer?: boolean;
  resendOfId?: string;
  /** Sending an invite that waited in the queue: its row becomes the intent. */
  queuedInviteId?: string;
};

export type SendOutcome =
  | { kind: "sent"; invite: InviteRow }
  | { kind: "already_pending"; invite: InviteRow }
  | { kind: "queued"; invite: InviteRow; detail: string }
  | { kind: "exception"; exceptionId: string; detail: string }
  | { kind: "failed"; invite: InviteRow; detail: string }
  | { kind: "in_doubt"; invite: InviteRow; detail: string };

/** The audit row of this send, with the account, organization and source already filled in. */
export type SendAudit = (
  tx: Db,
  outcome: string,
  after: Record<string, unknown>,
  extra?: Partial<AuditEntry>,
) => Promise<void>;

/** Bulk and automatic invites wait for headroom (queued); a single invite asks the person to come back later. */
export const queues = (req: SendRequest) =>
  req.source === "bulk" || req.source === "auto" || req.queuedInviteId !== undefined;
