import {
  AccessDeniedException,
  AccountOwnerNotVerifiedException,
  AWSOrganizationsNotInUseException,
  ConcurrentModificationException,
  ConstraintViolationException,
  DuplicateHandshakeException,
  FinalizingOrganizationException,
  HandshakeConstraintViolationException,
  InvalidInputException,
  OrganizationsServiceException,
  ServiceException,
  TooManyRequestsException,
  type InvalidInputExceptionReason,
} from "@aws-sdk/client-organizations";
import { describe, expect, it } from "vitest";
import { AwsDomainError, mapAwsError } from "@/lib/aws/errors";
import { classifyInviteFailure, withThrottleBackoff, type InviteFailure } from "./outcomes";
import { classifyInvite as invite, expectPlainMessage, wire } from "./testing/invite-failure-kit";

/**
 * Every exception InviteAccountToOrganization documents (the Errors section of
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_InviteAccountToOrganization.html), built as the
 * SDK deserializes them, through mapAwsError, to the InviteFailure the send path acts on; and the backoff that retries
 * throttled calls only. The Reasons of the two constraint exceptions are in outcomes-reasons.test.ts.
 */

type Kind = InviteFailure["kind"];

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
