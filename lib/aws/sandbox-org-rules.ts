import "server-only";
import {
  AccessDeniedException,
  AWSOrganizationsNotInUseException,
  ConstraintViolationException,
  DuplicateHandshakeException,
  HandshakeAlreadyInStateException,
  HandshakeConstraintViolationException,
  HandshakeNotFoundException,
  InvalidHandshakeTransitionException,
  InvalidInputException,
  MasterCannotLeaveOrganizationException,
  type ConstraintViolationExceptionReason,
  type HandshakeConstraintViolationExceptionReason,
  type InvalidInputExceptionReason,
} from "@aws-sdk/client-organizations";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sandboxClock, type sandboxHandshakes } from "@/db/schema";
import type { Handshake, HandshakeState } from "./gateway";

/**
 * The Organizations rules the sandbox applies, shared by its gateway and its admin helpers: handshake states and
 * lifetimes (https://docs.aws.amazon.com/organizations/latest/APIReference/API_Handshake.html) and the account and
 * invitation quotas (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html).
 */

const DAY_MS = 24 * 3600 * 1000;
export const INVITE_LIFETIME_MS = 15 * DAY_MS;
/** Terminal handshakes "show up in lists for only 30 days". */
export const TERMINAL_LISTED_MS = 30 * DAY_MS;
export const RATE_WINDOW_MS = DAY_MS;

export type HandshakeRow = typeof sandboxHandshakes.$inferSelect;

/** The sandbox's Organizations clock: the gateway's clock plus the offset set by advanceSandboxClock. */
export async function organizationsNow(db: Db, base: Date): Promise<Date> {
  const [row] = await db.select().from(sandboxClock).where(eq(sandboxClock.id, 1));
  return new Date(base.getTime() + (row?.offsetMs ?? 0));
}

const isPending = (state: string) => state === "OPEN" || state === "REQUESTED";

/** The state AWS would report at `at`: a pending handshake past its expiry reads as EXPIRED. */
export function effectiveState(row: HandshakeRow, at: Date): HandshakeState {
  if (isPending(row.state) && row.expiresAt.getTime() <= at.getTime()) return "EXPIRED";
  return row.state as HandshakeState;
}

export const isPendingAt = (row: HandshakeRow, at: Date) => isPending(effectiveState(row, at));

/** Still listed (and describable): pending, or terminal for less than 30 days. */
export function isListedAt(row: HandshakeRow, at: Date): boolean {
  const state = effectiveState(row, at);
  if (isPending(state)) return true;
  const endedAt = state === "EXPIRED" && isPending(row.state) ? row.expiresAt : row.updatedAt;
  return at.getTime() - endedAt.getTime() < TERMINAL_LISTED_MS;
}

export function toHandshake(row: HandshakeRow, managementAccountId: string, at: Date): Handshake {
  return {
    id: row.id,
    arn: `arn:aws:organizations::${managementAccountId}:handshake/${row.organizationId}/invite/${row.id}`,
    state: effectiveState(row, at),
    accountId: row.accountId,
    organizationId: row.organizationId,
    requestedAt: row.requestedAt,
    expiresAt: row.expiresAt,
  };
}

// The SDK's own exception classes, as AWS's responses deserialize into them; mapAwsError does the rest.
const wire = (status: number, message: string) => ({
  message,
  Message: message,
  $metadata: { httpStatusCode: status },
});

export const orgErrors = {
  accessDenied: () => new AccessDeniedException(wire(403, "You don't have permissions to access this resource.")),
  notInUse: () =>
    new AWSOrganizationsNotInUseException(
      wire(
        400,
        "Your account is not a member of an organization. To make this request, you must use the credentials of an " +
          "account that belongs to an organization.",
      ),
    ),
  handshakeNotFound: (id: string) =>
    new HandshakeNotFoundException(wire(400, `We can't find a handshake with the HandshakeId ${id}.`)),
  duplicate: () =>
    new DuplicateHandshakeException(
      wire(
        400,
        "A handshake with the same action and target already exists. Cancel or decline it before sending another.",
      ),
    ),
  constraint: (reason: ConstraintViolationExceptionReason, message: string) =>
    new ConstraintViolationException({ ...wire(400, message), Reason: reason }),
  handshakeConstraint: (reason: HandshakeConstraintViolationExceptionReason, message: string) =>
    new HandshakeConstraintViolationException({ ...wire(400, message), Reason: reason }),
  invalidInput: (reason: InvalidInputExceptionReason, message: string) =>
    new InvalidInputException({ ...wire(400, message), Reason: reason }),
  alreadyInState: (state: HandshakeState) =>
    new HandshakeAlreadyInStateException(wire(400, `The handshake is already in the requested state (${state}).`)),
  invalidTransition: (from: HandshakeState, to: string) =>
    new InvalidHandshakeTransitionException(wire(400, `You can't ${to} a handshake that is ${from}.`)),
  managementCannotLeave: () =>
    new MasterCannotLeaveOrganizationException(
      wire(400, "You can't remove a management account from an organization. Delete the organization first."),
    ),
};
