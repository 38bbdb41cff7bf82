import {
  AccessDeniedException,
  AccountOwnerNotVerifiedException,
  AWSOrganizationsNotInUseException,
  ConcurrentModificationException,
  ConstraintViolationException,
  DuplicateHandshakeException,
  FinalizingOrganizationException,
  HandshakeConstraintViolationException,
  HandshakeConstraintViolationExceptionReason,
  InvalidInputException,
  OrganizationsServiceException,
  ServiceException,
  TooManyRequestsException,
  type ConstraintViolationExceptionReason,
  type InvalidInputExceptionReason,
} from "@aws-sdk/client-organizations";
import { describe, expect, it } from "vitest";
import { AwsDomainError, mapAwsError } from "@/lib/aws/errors";
import { classifyInviteFailure, withThrottleBackoff, type InviteFailure } from "./outcomes";

/**
 * Every exception InviteAccountToOrganization documents and every Reason relevant to invites (the Errors section of
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_InviteAccountToOrganization.html), built as the SDK
 * deserializes them, through mapAwsError, to the InviteFailure the send path acts on.
 */

type Kind = InviteFailure["kind"];
const wire = (message: string, status = 400) => ({ message, Message: message, $metadata: { httpStatusCode: status } });
const invite = (error: unknown) =>
  classifyInviteFailure(mapAwsError(error, { operation: "InviteAccountToOrganization" }));

function expectPlainMessage(failure: InviteFailure) {
  expect(failure.message.length).toBeGreaterThan(30);
  expect(failure.message).toMatch(/^InviteAccountToOrganization: [A-Z]/);
  expect(failure.message).not.toMatch(/\[object|undefined|Error:/);
}

describe("InviteAccountToOrganization exceptions", () => {
  const cases: [string, unknown, Kind, string][] = [
    [
      "AccessDeniedException",
      new AccessDeniedException(wire("You don't have permissions.", 403)),
      "refused",
      "access_denied",
    ],
    [
      "AWSOrganizationsNotInUseException",
      new AWSOrganizationsNotInUseException(wire("Not in an organization.")),
      "refused",
      "org_not_in_use",
    ],
    [
      "AccountOwnerNotVerifiedException",
      new AccountOwnerNotVerifiedException(wire("Verify the email.")),
      "refused",
      "account_owner_not_verified",
    ],
    [
      "ConcurrentModificationException",
      new ConcurrentModificationException(wire("Busy.")),
      "refused",
      "concurrent_modification",
    ],
    [
      "HandshakeConstraintViolationException",
      new HandshakeConstraintViolationException(wire("No.")),
      "refused",
      "handshake_constraint_violation",
    ],
    // AWS may already hold the invitation: read AWS, never re-send.
    [
      "DuplicateHandshakeException",
      new DuplicateHandshakeException(wire("Duplicate handshake.")),
      "reconcile",
      "duplicate_handshake",
    ],
    ["ConstraintViolationException", new ConstraintViolationException(wire("No.")), "refused", "constraint_violation"],
    ["InvalidInputException", new InvalidInputException(wire("Bad input.")), "refused", "invalid_input"],
    [
      "FinalizingOrganizationException",
      new FinalizingOrganizationException(wire("Still initializing.")),
      "refused",
      "finalizing_organization",
    ],
    // A 5xx: AWS may have created the handshake before failing.
    ["ServiceException", new ServiceException(wire("Internal failure.", 500)), "reconcile", "service_error"],
    // Throttled calls were not processed; after the backoff is spent the invitation was definitely not sent.
    [
      "TooManyRequestsException",
      new TooManyRequestsException({ ...wire("Rate exceeded.", 429), Type: "Throttling" }),
      "refused",
      "throttled",
    ],
  ];

  it.each(cases)("%s → %s", (_name, error, kind, code) => {
    const failure = invite(error);
    expect(failure).toMatchObject({ kind, code });
    expectPlainMessage(failure);
  });

  it.each([
    ["an SDK timeout", Object.assign(new Error("socket timed out"), { name: "TimeoutError" })],
    ["a reset connection", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    [
      "an unmodeled 503",
      new OrganizationsServiceException({
        name: "ServiceUnavailable",
        $fault: "server",
        $metadata: { httpStatusCode: 503 },
        message: "Unavailable",
      }),
    ],
    [
      "an exception AWS adds later",
      new OrganizationsServiceException({
        name: "BrandNewException",
        $fault: "client",
        $metadata: { httpStatusCode: 400 },
        message: "New.",
      }),
    ],
  ])("%s may have reached AWS: reconcile", (_name, error) => {
    const failure = invite(error);
    expect(failure.kind).toBe("reconcile");
    expect(failure.message.length).toBeGreaterThan(30);
  });

  it("a non-AWS error (a bug, a crash in between) is reconciled, never retried blindly", () => {
    expect(classifyInviteFailure(new TypeError("x is undefined"))).toMatchObject({
      kind: "reconcile",
      code: "unexpected",
    });
  });

  it("InvalidInput reasons are Pump's request, refused with the reason kept", () => {
    const reasons: InvalidInputExceptionReason[] = [
      "INVALID_PARTY_TYPE_TARGET",
      "INVALID_EMAIL_ADDRESS_TARGET",
      "INVALID_PATTERN",
      "DUPLICATE_TAG_KEY",
      "MAX_LENGTH_EXCEEDED",
    ];
    for (const reason of reasons) {
      const failure = invite(new InvalidInputException({ ...wire("Invalid."), Reason: reason }));
      expect(failure).toMatchObject({ kind: "refused", code: "invalid_input", reason });
      expect(failure.message).toContain(`Reason ${reason}:`);
    }
  });
});

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

describe("withThrottleBackoff", () => {
  const throttled = () =>
    mapAwsError(new TooManyRequestsException({ ...wire("Rate exceeded.", 429), Type: "Throttling" }));
  const failingTimes = (n: number, error: () => unknown) => {
    let calls = 0;
    const call = async () => {
      calls++;
      if (calls <= n) throw error();
      return "handshake";
    };
    return { call, calls: () => calls };
  };

  it("retries a throttled call until it succeeds: 2 throttles + 1 success = 3 calls", async () => {
    const f = failingTimes(2, throttled);
    await expect(withThrottleBackoff(f.call, [0, 0, 0])).resolves.toBe("handshake");
    expect(f.calls()).toBe(3);
  });

  it("gives up after one attempt per delay, and throws the throttle error", async () => {
    const f = failingTimes(10, throttled);
    const error = await withThrottleBackoff(f.call, [0, 0]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsDomainError);
    expect(error).toMatchObject({ code: "throttled" });
    expect(f.calls()).toBe(3);
  });

  it.each([
    [
      "a timeout (AWS may have created it)",
      () => mapAwsError(Object.assign(new Error("socket timed out"), { name: "TimeoutError" })),
    ],
    ["DuplicateHandshake", () => mapAwsError(new DuplicateHandshakeException(wire("Duplicate.")))],
    ["a 5xx", () => mapAwsError(new ServiceException(wire("Internal.", 500)))],
    [
      "the daily limit",
      () =>
        mapAwsError(new ConstraintViolationException({ ...wire("Limit."), Reason: "HANDSHAKE_RATE_LIMIT_EXCEEDED" })),
    ],
    ["ConcurrentModification", () => mapAwsError(new ConcurrentModificationException(wire("Busy.")))],
    ["an unmapped error", () => new Error("boom")],
  ])("never retries %s: exactly 1 call", async (_name, error) => {
    const f = failingTimes(1, error);
    await expect(withThrottleBackoff(f.call, [0, 0, 0])).rejects.toBeDefined();
    expect(f.calls()).toBe(1);
  });
});
