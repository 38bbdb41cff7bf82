import {
  ConstraintViolationException,
  HandshakeConstraintViolationException,
  HandshakeConstraintViolationExceptionReason,
  type ConstraintViolationExceptionReason,
} from "@aws-sdk/client-organizations";
import { describe, expect, it } from "vitest";
import type { InviteFailure } from "./outcomes";
import { classifyInvite as invite, expectPlainMessage, wire } from "./testing/invite-failure-kit";

/**
 * Every Reason relevant to invites of HandshakeConstraintViolationException and ConstraintViolationException (the
 * Errors section of https://docs.aws.amazon.com/organizations/latest/APIReference/API_InviteAccountToOrganization.html),
 * through mapAwsError, to the InviteFailure the send path acts on.
 */

type Kind = InviteFailure["kind"];

/** [reason, kind, explained]: explained = the message says in plain words what the reason means. */
type ReasonCase = [string, Kind, boolean];

describe("HandshakeConstraintViolationException reasons", () => {
  const cases: ReasonCase[] = [
    // Pump's organization is full: staff cancel stale invitations or raise the quota.
    ["ACCOUNT_NUMBER_LIMIT_EXCEEDED", "refused", true],
    // About the invited account: a person takes it up with the customer (exception record).
    ["ALREADY_IN_AN_ORGANIZATION", "account_side", true],
    ["HANDSHAKE_RATE_LIMIT_EXCEEDED", "rate_limited", true],
    ["INVITE_DISABLED_DURING_ENABLE_ALL_FEATURES", "refused", true],
    ["LEGACY_PERMISSIONS_STILL_IN_USE", "refused", true],
    ["MANAGEMENT_ACCOUNT_EMAIL_NOT_VERIFIED", "refused", true],
    ["ORGANIZATION_ALREADY_HAS_ALL_FEATURES", "refused", true],
    ["ORGANIZATION_FROM_DIFFERENT_SELLER_OF_RECORD", "account_side", true],
    ["ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION", "refused", true],
    ["ORGANIZATION_MEMBERSHIP_CHANGE_RATE_LIMIT_EXCEEDED", "account_side", true],
    ["PAST_DUE_INVOICE", "refused", true],
    ["PAYMENT_INSTRUMENT_REQUIRED", "account_side", true],
    // Billing-transfer handshakes: not expected from an invite, refused with AWS's words if they ever come.
    ["RESPONSIBILITY_TRANSFER_ALREADY_EXISTS", "refused", false],
    ["SOURCE_AND_TARGET_CANNOT_MATCH", "refused", false],
    ["TARGET_ACCOUNT_VALIDATION_FAILURE", "refused", false],
    ["UNUSED_PREPAYMENT_BALANCE", "refused", true],
  ];

  it("covers every reason the SDK models", () => {
    expect(cases.map(([reason]) => reason).sort()).toEqual(
      Object.values(HandshakeConstraintViolationExceptionReason).sort(),
    );
  });

  it.each(cases)("%s → %s", (reason, kind, explained) => {
    const failure = invite(
      new HandshakeConstraintViolationException({
        ...wire("The handshake request is invalid."),
        Reason: reason as never,
      }),
    );
    expect(failure).toMatchObject({ kind, code: "handshake_constraint_violation", reason });
    expectPlainMessage(failure);
    expect(failure.message).toContain(explained ? `Reason ${reason}: ` : `Reason ${reason}.`);
    expect(failure.message).toContain('AWS said: "The handshake request is invalid."');
  });

  it("a reason AWS adds later still maps: refused, reason kept, shown as it came", () => {
    const failure = invite(
      new HandshakeConstraintViolationException({ ...wire("New rule."), Reason: "SOME_FUTURE_REASON" as never }),
    );
    expect(failure).toMatchObject({
      kind: "refused",
      code: "handshake_constraint_violation",
      reason: "SOME_FUTURE_REASON",
    });
    expect(failure.message).toContain("Reason SOME_FUTURE_REASON.");
    expectPlainMessage(failure);
  });
});

describe("ConstraintViolationException reasons relevant to invites and transfers", () => {
  const cases: [ConstraintViolationExceptionReason, Kind][] = [
    ["ACCOUNT_NUMBER_LIMIT_EXCEEDED", "refused"],
    ["HANDSHAKE_RATE_LIMIT_EXCEEDED", "rate_limited"],
    // Leave-type constraints of the invited account (a direct transfer out of its organization): its owner's to fix.
    ["ACCOUNT_CANNOT_LEAVE_ORGANIZATION", "account_side"],
    ["ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION", "account_side"],
    ["ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA", "account_side"],
    ["MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED", "account_side"],
    ["INVALID_PAYMENT_INSTRUMENT", "account_side"],
    ["CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG", "account_side"],
    ["WAIT_PERIOD_ACTIVE", "account_side"],
    // Account creation / delegated administration: Pump's organization, not the invited account.
    ["ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED", "refused"],
    ["SERVICE_ACCESS_NOT_ENABLED", "refused"],
    ["CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR", "refused"],
    ["DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE", "refused"],
    ["MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED", "refused"],
    ["MAX_TAG_LIMIT_EXCEEDED", "refused"],
    ["TAG_POLICY_VIOLATION", "refused"],
  ];

  it.each(cases)("%s → %s", (reason, kind) => {
    const failure = invite(new ConstraintViolationException({ ...wire("Constraint violated."), Reason: reason }));
    expect(failure).toMatchObject({ kind, code: "constraint_violation", reason });
    expectPlainMessage(failure);
    expect(failure.message).toContain(`Reason ${reason}: `);
  });

  it("a reason AWS adds later still maps: refused, reason kept", () => {
    const failure = invite(
      new ConstraintViolationException({ ...wire("New."), Reason: "UNMET_SOMETHING_NEW" as never }),
    );
    expect(failure).toMatchObject({ kind: "refused", reason: "UNMET_SOMETHING_NEW" });
    expect(failure.message).toContain("Reason UNMET_SOMETHING_NEW.");
  });
});
