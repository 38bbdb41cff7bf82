import {
  AccessDeniedException,
  AccountOwnerNotVerifiedException,
  AWSOrganizationsNotInUseException,
  ConcurrentModificationException,
  ConstraintViolationException,
  FinalizingOrganizationException,
  HandshakeConstraintViolationException,
  InvalidInputException,
  ServiceException,
  TooManyRequestsException,
} from "@aws-sdk/client-organizations";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orgExceptions, orgInvites } from "@/db/schema";
import { addVerifiedAccount, invitesOf } from "./testing/invite-test-kit";
import type { InviteFailure } from "./outcomes";
import { sendInvite } from "./send-invite";
import { wire } from "./testing/invite-failure-kit";
import { handshakesOf, inviteCalls, timeout, setupSdkInviteWorld } from "./testing/sdk-organizations-kit";

/**
 * The send path over the real SDK gateway (aws-sdk-client-mock): STS and DescribeOrganization from the fakes of
 * lib/aws, InviteAccountToOrganization programmed per test, so each test decides what AWS does with the one call
 * Pump makes, and counts it. Lost and late answers (timeouts, DuplicateHandshake, throttling) are in
 * send-invite-timeouts.sdk.test.ts.
 */

const { db, deps, reconcile, answerInvites } = setupSdkInviteWorld();

type Case = {
  name: string;
  error: () => unknown;
  kind: InviteFailure["kind"];
  code: string;
  reason?: string;
  calls?: number;
};

describe("every InviteAccountToOrganization exception through the SDK lands where outcomes.ts says", () => {
  const hcv = (reason: string) => () =>
    new HandshakeConstraintViolationException({
      ...wire("The handshake request is invalid."),
      Reason: reason as never,
    });
  const cv = (reason: string) => () =>
    new ConstraintViolationException({ ...wire("Constraint violated."), Reason: reason as never });
  const cases: Case[] = [
    {
      name: "AccessDenied",
      error: () => new AccessDeniedException(wire("Denied.", 403)),
      kind: "refused",
      code: "access_denied",
    },
    {
      name: "AWSOrganizationsNotInUse",
      error: () => new AWSOrganizationsNotInUseException(wire("Not in use.")),
      kind: "refused",
      code: "org_not_in_use",
    },
    {
      name: "AccountOwnerNotVerified",
      error: () => new AccountOwnerNotVerifiedException(wire("Verify.")),
      kind: "refused",
      code: "account_owner_not_verified",
    },
    {
      name: "ConcurrentModification",
      error: () => new ConcurrentModificationException(wire("Busy.")),
      kind: "refused",
      code: "concurrent_modification",
    },
    {
      name: "FinalizingOrganization",
      error: () => new FinalizingOrganizationException(wire("Initializing.")),
      kind: "refused",
      code: "finalizing_organization",
    },
    {
      name: "InvalidInput INVALID_PARTY_TYPE_TARGET",
      error: () => new InvalidInputException({ ...wire("Invalid."), Reason: "INVALID_PARTY_TYPE_TARGET" }),
      kind: "refused",
      code: "invalid_input",
      reason: "INVALID_PARTY_TYPE_TARGET",
    },
    {
      name: "HandshakeConstraintViolation ALREADY_IN_AN_ORGANIZATION",
      error: hcv("ALREADY_IN_AN_ORGANIZATION"),
      kind: "account_side",
      code: "handshake_constraint_violation",
      reason: "ALREADY_IN_AN_ORGANIZATION",
    },
    {
      name: "HandshakeConstraintViolation PAYMENT_INSTRUMENT_REQUIRED",
      error: hcv("PAYMENT_INSTRUMENT_REQUIRED"),
      kind: "account_side",
      code: "handshake_constraint_violation",
      reason: "PAYMENT_INSTRUMENT_REQUIRED",
    },
    {
      name: "HandshakeConstraintViolation ORGANIZATION_FROM_DIFFERENT_SELLER_OF_RECORD",
      error: hcv("ORGANIZATION_FROM_DIFFERENT_SELLER_OF_RECORD"),
      kind: "account_side",
      code: "handshake_constraint_violation",
      reason: "ORGANIZATION_FROM_DIFFERENT_SELLER_OF_RECORD",
    },
    {
      name: "HandshakeConstraintViolation ORGANIZATION_MEMBERSHIP_CHANGE_RATE_LIMIT_EXCEEDED",
      error: hcv("ORGANIZATION_MEMBERSHIP_CHANGE_RATE_LIMIT_EXCEEDED"),
      kind: "account_side",
      code: "handshake_constraint_violation",
      reason: "ORGANIZATION_MEMBERSHIP_CHANGE_RATE_LIMIT_EXCEEDED",
    },
    {
      name: "HandshakeConstraintViolation HANDSHAKE_RATE_LIMIT_EXCEEDED",
      error: hcv("HANDSHAKE_RATE_LIMIT_EXCEEDED"),
      kind: "rate_limited",
      code: "handshake_constraint_violation",
      reason: "HANDSHAKE_RATE_LIMIT_EXCEEDED",
    },
    {
      name: "HandshakeConstraintViolation ACCOUNT_NUMBER_LIMIT_EXCEEDED",
      error: hcv("ACCOUNT_NUMBER_LIMIT_EXCEEDED"),
      kind: "refused",
      code: "handshake_constraint_violation",
      reason: "ACCOUNT_NUMBER_LIMIT_EXCEEDED",
    },
    {
      name: "HandshakeConstraintViolation MANAGEMENT_ACCOUNT_EMAIL_NOT_VERIFIED",
      error: hcv("MANAGEMENT_ACCOUNT_EMAIL_NOT_VERIFIED"),
      kind: "refused",
      code: "handshake_constraint_violation",
      reason: "MANAGEMENT_ACCOUNT_EMAIL_NOT_VERIFIED",
    },
    {
      name: "HandshakeConstraintViolation with a reason AWS adds later",
      error: hcv("SOME_FUTURE_REASON"),
      kind: "refused",
      code: "handshake_constraint_violation",
      reason: "SOME_FUTURE_REASON",
    },
    {
      name: "ConstraintViolation ACCOUNT_NUMBER_LIMIT_EXCEEDED",
      error: cv("ACCOUNT_NUMBER_LIMIT_EXCEEDED"),
      kind: "refused",
      code: "constraint_violation",
      reason: "ACCOUNT_NUMBER_LIMIT_EXCEEDED",
    },
    {
      name: "ConstraintViolation HANDSHAKE_RATE_LIMIT_EXCEEDED",
      error: cv("HANDSHAKE_RATE_LIMIT_EXCEEDED"),
      kind: "rate_limited",
      code: "constraint_violation",
      reason: "HANDSHAKE_RATE_LIMIT_EXCEEDED",
    },
    {
      name: "ConstraintViolation WAIT_PERIOD_ACTIVE",
      error: cv("WAIT_PERIOD_ACTIVE"),
      kind: "account_side",
      code: "constraint_violation",
      reason: "WAIT_PERIOD_ACTIVE",
    },
    // Throttled on every attempt: one call plus one per backoff delay (4), then failed — definitely not sent.
    {
      name: "TooManyRequests (always)",
      error: () => new TooManyRequestsException({ ...wire("Rate exceeded", 429), Type: "Throttling" }),
      kind: "refused",
      code: "throttled",
      calls: 5,
    },
    {
      name: "ServiceException (nothing created)",
      error: () => new ServiceException(wire("Internal error.", 500)),
      kind: "reconcile",
      code: "service_error",
    },
    { name: "a timeout before AWS got the call", error: timeout, kind: "reconcile", code: "network" },
  ];

  it.each(cases.map((c, i) => [c.name, c, 730000000001 + i] as const))("%s", async (_name, c, accountNumber) => {
    const account = await addVerifiedAccount(db(), String(accountNumber));
    answerInvites(async () => {
      throw c.error();
    });
    const outcome = await sendInvite(deps(), { awsAccountId: account.id, source: "single" });
    expect(inviteCalls()).toBe(c.calls ?? 1);
    const [row] = await invitesOf(db(), account.id);
    const exceptions = await db().select().from(orgExceptions).where(eq(orgExceptions.awsAccountId, account.id));
    const fields = {
      failureCode: c.code,
      failureReason: c.reason ?? null,
      failureMessage: expect.stringMatching(/^InviteAccountToOrganization: /),
    };

    switch (c.kind) {
      case "refused":
      case "rate_limited":
        // A single invite is not queued: the person sees why and tries later.
        expect(outcome.kind).toBe("failed");
        expect(row).toMatchObject({ phase: "failed", handshakeId: null, ...fields });
        expect(exceptions).toHaveLength(0);
        break;
      case "account_side":
        expect(outcome.kind).toBe("exception");
        expect(row).toMatchObject({ phase: "failed", handshakeId: null, ...fields });
        expect(exceptions).toMatchObject([{ kind: "aws_refused", state: "open", inviteId: row!.id }]);
        expect(exceptions[0]!.reason).toContain(c.reason!);
        break;
      case "reconcile": {
        expect(outcome.kind).toBe("in_doubt");
        expect(row).toMatchObject({ phase: "in_flight", ...fields });
        // AWS lists nothing for the account: the reconciler concludes it was never sent, without sending.
        await reconcile(0);
        const [after] = await invitesOf(db(), account.id);
        expect(after).toMatchObject({ phase: "failed", failureCode: "not_sent", handshakeId: null });
        expect(inviteCalls()).toBe(1);
        break;
      }
    }
    expect(handshakesOf(account.accountId)).toHaveLength(0);
  });

  it("AWS's daily limit on a bulk invite keeps it queued (not failed), with the reason", async () => {
    const account = await addVerifiedAccount(db(), "730000000097");
    answerInvites(async () => {
      throw cv("HANDSHAKE_RATE_LIMIT_EXCEEDED")();
    });
    expect((await sendInvite(deps(), { awsAccountId: account.id, source: "bulk" })).kind).toBe("queued");
    expect(await db().select().from(orgInvites).where(eq(orgInvites.awsAccountId, account.id))).toMatchObject([
      { phase: "queued", failureReason: "HANDSHAKE_RATE_LIMIT_EXCEEDED" },
    ]);
    expect(inviteCalls()).toBe(1);
  });
});
