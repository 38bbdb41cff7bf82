import { describe, expect, it } from "vitest";
import { cfnRequestSchema, mismatch, type CfnRequest } from "./cfn-request";

const now = new Date("2026-11-21T12:00:00Z");
const onboarding = {
  status: "issued",
  expiresAt: new Date("2026-11-28T12:00:00Z"),
  pumpId: "PUMP-0042",
  externalId: "pump-abcdefghijklmnopqrstuvwxyz012345",
  roleType: "read_only",
  region: "us-east-1",
  expectedAccountId: null as string | null,
};
const request: CfnRequest = cfnRequestSchema.parse({
  RequestType: "Create",
  ResponseURL: "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/x",
  StackId:
    "arn:aws:cloudformation:us-east-1:444455556666:stack/Pump-PUMP-0042-ReadOnly/1a2b3c4d-0000-4000-8000-123456789012",
  RequestId: "req-1",
  ResourceType: "Custom::PumpRoleRegistration",
  LogicalResourceId: "Registration",
  ResourceProperties: {
    ServiceToken: "arn:aws:sns:us-east-1:111122223333:pump-role-registration",
    PumpId: "PUMP-0042",
    RoleArn: "arn:aws:iam::444455556666:role/PumpReadOnlyRole",
    ExternalId: onboarding.externalId,
    AccountId: "444455556666",
    RoleType: "read_only",
    OnboardingToken: "tok",
  },
});
const props = (p: Partial<CfnRequest["ResourceProperties"]>) => ({
  ...request,
  ResourceProperties: { ...request.ResourceProperties, ...p },
});

describe("tying a CloudFormation request to the onboarding Pump issued", () => {
  it("accepts a request that matches in every field", () => {
    expect(mismatch(request, onboarding, now)).toBeNull();
  });

  it.each([
    ["an unknown token", request, undefined, /matches no link/],
    ["a revoked link", request, { ...onboarding, status: "revoked" }, /revoked/],
    [
      "an expired link",
      request,
      { ...onboarding, expiresAt: new Date("2026-11-20T00:00:00Z") },
      /expired on 2026-11-20/,
    ],
    ["a used link (Create)", request, { ...onboarding, status: "verified" }, /already used/],
    ["an edited Pump ID", props({ PumpId: "PUMP-0043" }), onboarding, /PumpId/],
    ["an edited External ID", props({ ExternalId: "pump-mine" }), onboarding, /ExternalId parameter was changed/],
    ["an edited role type", props({ RoleType: "autopilot" }), onboarding, /RoleType/],
    ["a malformed account", props({ AccountId: "4444" }), onboarding, /malformed/],
    [
      "an account other than the stack's",
      props({ AccountId: "555566667777", RoleArn: "arn:aws:iam::555566667777:role/R" }),
      onboarding,
      /not the account the stack runs in/,
    ],
    [
      "a role in another account",
      props({ RoleArn: "arn:aws:iam::555566667777:role/R" }),
      onboarding,
      /not an IAM role in the account/,
    ],
    ["a user ARN", props({ RoleArn: "arn:aws:iam::444455556666:user/alice" }), onboarding, /not an IAM role/],
    [
      "the wrong expected account",
      request,
      { ...onboarding, expectedAccountId: "999988887777" },
      /issued for AWS account 999988887777/,
    ],
    ["another region", request, { ...onboarding, region: "eu-west-1" }, /region eu-west-1/],
  ])("refuses %s with a reason the customer can act on", (_, req, ob, reason) => {
    expect(mismatch(req, ob, now)).toMatch(reason);
  });

  it("refuses a pathological role ARN without catastrophic backtracking (the customer controls RoleArn)", () => {
    const hostile = `arn:aws:iam::444455556666:role/${"a/".repeat(1000)}!`;
    expect(mismatch(props({ RoleArn: hostile }), onboarding, now)).toMatch(/not an IAM role/);
  });

  it("refuses malformed requests at the schema", () => {
    expect(
      cfnRequestSchema.safeParse({ ...request, StackId: "arn:aws:cloudformation:us-east-1:1:stack/x/y" }).success,
    ).toBe(false);
    expect(cfnRequestSchema.safeParse({ ...request, RequestType: "Drop" }).success).toBe(false);
    expect(
      cfnRequestSchema.safeParse({
        ...request,
        ResourceProperties: { ...request.ResourceProperties, AccountId: 444455556666 },
      }).success,
    ).toBe(false);
  });
});
