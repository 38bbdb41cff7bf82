import { describe, expect, it } from "vitest";
import {
  INLINE_POLICY_MAX_CHARS,
  POLICY_NAMES,
  PolicyInputError,
  ROLE_NAMES,
  ROLE_NAME_PATTERN,
  TRUST_POLICY_MAX_CHARS,
  permissionsPolicy,
  policyActions,
  policySize,
  trustPolicy,
} from "./policies";

const principal = "arn:aws:iam::222233334444:role/PumpConsoleOperator";
const externalId = "pump-MVP2bpGejuaKNt51oO1SylCC7-_na4SA";

const READ_VERB = /^[a-z0-9-]+:(Describe|Get|List)[A-Za-z]*\*?$/;
const WRITE_VERB =
  /:(Purchase|Modify|Create|Delete|Accept|Cancel|Update|Put|Attach|Detach|Tag|Untag|Start|Stop|Terminate|Return)/;

describe("trustPolicy", () => {
  it("trusts exactly Pump's operator role, and only with the External ID", () => {
    expect(trustPolicy({ pumpPrincipalArn: principal, externalId })).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "PumpAssumesWithExternalId",
          Effect: "Allow",
          Principal: { AWS: principal },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "sts:ExternalId": externalId } },
        },
      ],
    });
  });

  it.each([
    ["a wildcard", "*"],
    ["an account root", "arn:aws:iam::222233334444:root"],
    ["a bare account ID", "222233334444"],
    ["a partial wildcard", "arn:aws:iam::222233334444:role/*"],
    ["a user", "arn:aws:iam::222233334444:user/alice"],
    ["another partition", "arn:aws-cn:iam::222233334444:role/PumpConsoleOperator"],
    ["a session ARN", "arn:aws:sts::222233334444:assumed-role/PumpConsoleOperator/x"],
    ["a shell-hostile path", "arn:aws:iam::222233334444:role/a$(id)/PumpConsoleOperator"],
    ["a trailing newline", `${principal}\n`],
  ])("refuses %s as Pump's principal", (_, value) => {
    expect(() => trustPolicy({ pumpPrincipalArn: value, externalId })).toThrow(PolicyInputError);
  });

  it("accepts a role with a path", () => {
    const arn = "arn:aws:iam::222233334444:role/pump/ops/PumpConsoleOperator";
    expect(trustPolicy({ pumpPrincipalArn: arn, externalId }).Statement[0]!.Principal).toEqual({ AWS: arn });
  });

  it.each([
    "",
    "x",
    "a".repeat(1225),
    "has space",
    "quote'",
    "semi;colon",
    "dollar$",
    "back`tick",
    "new\nline",
    "ünïcode",
  ])("refuses the External ID %j", (value) => {
    expect(() => trustPolicy({ pumpPrincipalArn: principal, externalId: value })).toThrow(PolicyInputError);
  });

  it("fits the default trust policy quota with the longest External ID AWS allows", () => {
    const longest = "x".repeat(1224);
    const arn = `arn:aws:iam::222233334444:role/${"p/".repeat(100)}${"R".repeat(64)}`;
    expect(policySize(trustPolicy({ pumpPrincipalArn: arn, externalId: longest }))).toBeLessThanOrEqual(
      TRUST_POLICY_MAX_CHARS,
    );
  });
});

describe("permissionsPolicy", () => {
  const readOnly = permissionsPolicy("read_only");
  const autopilot = permissionsPolicy("autopilot");

  it("gives every statement a unique Sid, Allow only, Resource *", () => {
    for (const doc of [readOnly, autopilot]) {
      const sids = doc.Statement.map((s) => s.Sid);
      expect(new Set(sids).size).toBe(sids.length);
      for (const s of doc.Statement) {
        expect(s.Sid).toMatch(/^[A-Za-z0-9]+$/);
        expect(s.Effect).toBe("Allow");
        expect(s.Resource).toBe("*");
        expect(s).not.toHaveProperty("NotAction");
        expect(s).not.toHaveProperty("NotResource");
      }
    }
  });

  it("read-only allows reads only: Describe/Get/List, no purchase, modify or other write", () => {
    for (const action of policyActions(readOnly)) {
      expect(action).toMatch(READ_VERB);
      expect(action).not.toMatch(WRITE_VERB);
    }
  });

  it("has no wildcard beyond the Describe*/Get*/List* read families, and never a service-wide one", () => {
    for (const action of policyActions(autopilot)) {
      expect(action).not.toMatch(/^\*|:\*$/);
      if (action.includes("*")) expect(action).toMatch(/^[a-z0-9-]+:(Describe|Get|List)[A-Za-z]*\*$/);
    }
  });

  it("autopilot is read-only plus the purchase and modify actions", () => {
    const ro = new Set(policyActions(readOnly));
    const ap = new Set(policyActions(autopilot));
    for (const a of ro) expect(ap.has(a), a).toBe(true);
    expect([...ap].filter((a) => !ro.has(a)).sort()).toEqual([
      "ec2:AcceptReservedInstancesExchangeQuote",
      "ec2:CancelReservedInstancesListing",
      "ec2:CreateReservedInstancesListing",
      "ec2:GetReservedInstancesExchangeQuote",
      "ec2:ModifyReservedInstances",
      "ec2:PurchaseReservedInstancesOffering",
      "elasticache:PurchaseReservedCacheNodesOffering",
      "es:PurchaseReservedElasticsearchInstanceOffering",
      "es:PurchaseReservedInstanceOffering",
      "rds:PurchaseReservedDBInstancesOffering",
      "redshift:PurchaseReservedNodeOffering",
      "savingsplans:CreateSavingsPlan",
      "savingsplans:DeleteQueuedSavingsPlan",
    ]);
  });

  it("includes what the features need: Cost Explorer, reservations, organizations:DescribeOrganization", () => {
    const actions = policyActions(readOnly);
    for (const a of [
      "ce:Get*",
      "savingsplans:Describe*",
      "ec2:DescribeReservedInstances*",
      "organizations:DescribeOrganization",
    ]) {
      expect(actions).toContain(a);
    }
    // No IAM, no STS, no data-plane reads.
    expect(policyActions(autopilot).filter((a) => /^(iam|sts|s3|secretsmanager|kms|ssm):/.test(a))).toEqual([]);
  });

  it("fits the role's inline policy quota with room to spare", () => {
    for (const doc of [readOnly, autopilot]) expect(policySize(doc)).toBeLessThanOrEqual(INLINE_POLICY_MAX_CHARS / 2);
  });

  it("returns a fresh document each time (a caller's edit cannot leak into the templates)", () => {
    const a = permissionsPolicy("read_only");
    (a.Statement[0]!.Action as string[]).push("iam:*");
    expect(policyActions(permissionsPolicy("read_only"))).not.toContain("iam:*");
  });
});

describe("names", () => {
  it("uses valid IAM names, none of them the management account's PumpCustomerAccess", () => {
    for (const name of [...Object.values(ROLE_NAMES), ...Object.values(POLICY_NAMES)]) {
      expect(name).toMatch(ROLE_NAME_PATTERN);
      expect(name).not.toBe("PumpCustomerAccess");
    }
  });
});
