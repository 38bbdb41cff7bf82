import "server-only";
import { isAwsDomainError } from "@/lib/aws/errors";

/**
 * What an InviteAccountToOrganization failure means for Pump (the Errors section of
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_InviteAccountToOrganization.html). Every documented
 * exception lands in one of these; reasons are open strings, so an unknown one is a plain failure with AWS's words.
 */
export type InviteFailure =
  /** AWS may have created the handshake (timeout, 5xx, Duplicate): read AWS, never re-send blindly. */
  | { kind: "reconcile"; code: string; reason?: string; message: string }
  /** The daily limit: not sent; waits for headroom. */
  | { kind: "rate_limited"; code: string; reason: string; message: string }
  /** Something about the customer's account: a person must handle it (exception record). */
  | { kind: "account_side"; code: string; reason?: string; message: string }
  /** Definitely not sent (Pump's organization, permissions, input, quota…): shown as a failed invite. */
  | { kind: "refused"; code: string; reason?: string; message: string };

/** Reasons about the invited account rather than Pump's organization. */
const ACCOUNT_SIDE_REASONS = new Set([
  "ALREADY_IN_AN_ORGANIZATION",
  "ORGANIZATION_FROM_DIFFERENT_SELLER_OF_RECORD",
  "PAYMENT_INSTRUMENT_REQUIRED",
  "ORGANIZATION_MEMBERSHIP_CHANGE_RATE_LIMIT_EXCEEDED",
  // Leave-type constraints (ConstraintViolationException reasons; AcceptHandshake lists them too,
  // https://docs.aws.amazon.com/organizations/latest/APIReference/API_AcceptHandshake.html): on a direct transfer they
  // are about the account leaving its current organization, which only its owner can fix, so a person takes them up
  // with the customer.
  "ACCOUNT_CANNOT_LEAVE_ORGANIZATION",
  "ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION",
  "ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA",
  "MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED",
  "INVALID_PAYMENT_INSTRUMENT",
  "CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG",
  "WAIT_PERIOD_ACTIVE",
]);

const AMBIGUOUS_CODES = new Set(["network", "service_error", "duplicate_handshake", "unknown"]);

export function classifyInviteFailure(error: unknown): InviteFailure {
  if (!isAwsDomainError(error)) {
    return {
      kind: "reconcile",
      code: "unexpected",
      message: "The invitation call ended with an unexpected error; Pump will check AWS before anything else.",
    };
  }
  const { code, reason, message } = error;
  if (AMBIGUOUS_CODES.has(code)) return { kind: "reconcile", code, reason, message };
  if (reason === "HANDSHAKE_RATE_LIMIT_EXCEEDED") return { kind: "rate_limited", code, reason, message };
  if (code === "already_in_organization" || (reason && ACCOUNT_SIDE_REASONS.has(reason))) {
    return { kind: "account_side", code, reason, message };
  }
  return { kind: "refused", code, reason, message };
}

/** Throttled calls were not processed (AWS refused them), so retrying them is safe; everything else is not. */
export async function withThrottleBackoff<T>(call: () => Promise<T>, delaysMs: readonly number[]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const throttled = isAwsDomainError(error) && error.code === "throttled";
      if (!throttled || attempt >= delaysMs.length) throw error;
      // Full jitter, so a bulk run's calls do not retry in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * delaysMs[attempt]!));
    }
  }
}

export const DEFAULT_BACKOFF_MS = [500, 1000, 2000, 4000] as const;
