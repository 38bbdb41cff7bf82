import { ACCOUNT_ID_PATTERN } from "@/lib/tenants/aws-ids";
import { EXTERNAL_ID_PATTERN } from "@/lib/tenants/external-id";

/**
 * The IAM documents of the role a customer deploys for Pump: the one source the CloudFormation templates
 * (templates.ts), the manual instructions (manual-instructions.ts) and their tests are generated from. Pure.
 */

export const ROLE_TYPES = ["read_only", "autopilot"] as const;
export type RoleType = (typeof ROLE_TYPES)[number];

/**
 * One fixed name per role type. `PumpCustomerAccess` is taken: Pump's docs use it for the role in a customer
 * organization's management account. Two names rather than one because (1) the ARN then says what the role can
 * do to whoever reads it in a ticket or in CloudTrail, (2) moving from read-only to autopilot deploys the new role
 * beside the old one, so there is never a moment without a working role, and (3) a fixed name makes a second
 * stack of the same type in the same account fail loudly ("already exists") instead of creating a twin.
 * Fixed names need CAPABILITY_NAMED_IAM: the customer ticks "create IAM resources with custom names".
 */
export const ROLE_NAMES = { read_only: "PumpReadOnlyRole", autopilot: "PumpAutopilotRole" } as const satisfies Record<
  RoleType,
  string
>;

/** The inline policy's name on the role, per type. */
export const POLICY_NAMES = {
  read_only: "PumpReadOnlyAccess",
  autopilot: "PumpAutopilotAccess",
} as const satisfies Record<RoleType, string>;

/** Sessions are short on purpose: Pump chains roles, and a chained session cannot exceed one hour anyway. */
export const MAX_SESSION_SECONDS = 3600;

// IAM quotas, counted without whitespace (AWS: "excluding whitespace").
/** All inline policies of one role together. */
export const INLINE_POLICY_MAX_CHARS = 10_240;
/** A role trust policy, default quota (4,096 only after a quota increase the customer would have to ask for). */
export const TRUST_POLICY_MAX_CHARS = 2_048;

export const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
/**
 * Pump's principal: an IAM role ARN. Stricter than IAM's path grammar (which allows any printable ASCII): path
 * segments use the role-name charset only, so the ARN can be pasted into a shell, HCL or JSON without escaping.
 * No `*` can match, so a wildcard principal is impossible. Linear: segments are separated by `/`, which the
 * classes exclude.
 */
export const PUMP_PRINCIPAL_ARN_PATTERN = /^arn:aws:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

export type PolicyStatement = {
  Sid: string;
  Effect: "Allow";
  Action: string | string[];
  Resource?: string;
  Principal?: { AWS: unknown };
  Condition?: Record<string, Record<string, unknown>>;
};
export type PolicyDocument = { Version: "2012-10-17"; Statement: PolicyStatement[] };

/** A value that does not match AWS's (or Pump's stricter) pattern; `field` names the input. */
export class PolicyInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "PolicyInputError";
  }
}

export function assertPumpPrincipalArn(value: string): string {
  if (value.length > 2048 || !PUMP_PRINCIPAL_ARN_PATTERN.test(value)) {
    throw new PolicyInputError(
      "pumpPrincipalArn",
      "Pump's principal must be an IAM role ARN (arn:aws:iam::<12 digits>:role/<name>).",
    );
  }
  return value;
}

export function assertExternalId(value: string): string {
  if (!EXTERNAL_ID_PATTERN.test(value)) {
    throw new PolicyInputError(
      "externalId",
      "An External ID has 2–1224 characters from A–Z a–z 0–9 _ + = , . @ : / -.",
    );
  }
  return value;
}

export function assertAccountId(value: string): string {
  if (!ACCOUNT_ID_PATTERN.test(value)) throw new PolicyInputError("accountId", "An AWS account ID has 12 digits.");
  return value;
}

export function assertRoleName(value: string): string {
  if (!ROLE_NAME_PATTERN.test(value)) {
    throw new PolicyInputError("roleName", "A role name has 1–64 characters from A–Z a–z 0–9 _ + = , . @ -.");
  }
  return value;
}

export function assertRoleType(value: string): RoleType {
  if (!(ROLE_TYPES as readonly string[]).includes(value)) {
    throw new PolicyInputError("roleType", "The role type is read_only or autopilot.");
  }
  return value as RoleType;
}

/**
 * The trust policy's shape, for literal values or CloudFormation `{ Ref }`s alike (templates.ts). One statement:
 * exactly Pump's operator role (never `*`, never an account root), and only with the customer's External ID
 * (AWS's confused-deputy guard). No `NotPrincipal`, no `Resource`: both are syntax errors in a trust policy.
 */
export function trustPolicyDocument<V>(values: { pumpPrincipalArn: V; externalId: V }) {
  return {
    Version: "2012-10-17" as const,
    Statement: [
      {
        Sid: "PumpAssumesWithExternalId",
        Effect: "Allow" as const,
        Principal: { AWS: values.pumpPrincipalArn },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": values.externalId } },
      },
    ],
  };
}

/** The trust policy with real values; refuses anything outside the patterns (a wildcard, a malformed ID). */
export function trustPolicy(values: { pumpPrincipalArn: string; externalId: string }): PolicyDocument {
  return trustPolicyDocument({
    pumpPrincipalArn: assertPumpPrincipalArn(values.pumpPrincipalArn),
    externalId: assertExternalId(values.externalId),
  });
}

// Every action below takes Resource "*": the Describe*/Get*/List* reads are account-wide calls with no resource
// ARN, and a purchase creates a reservation whose ARN does not exist before the call.
const readOnlyStatements: PolicyStatement[] = [
  // The savings estimate, utilisation/coverage and the purchase recommendations all come from Cost Explorer.
  // Its Get/Describe/List families are reads only (the writes are Create*/Update*/Delete*/Start*/Provide*).
  { Sid: "CostExplorerRead", Effect: "Allow", Action: ["ce:Describe*", "ce:Get*", "ce:List*"], Resource: "*" },
  // Invoice verification and credits (Pump bills on realised savings), and where the Cost and Usage Report lands.
  {
    Sid: "BillingRead",
    Effect: "Allow",
    Action: [
      "billing:GetBillingData",
      "billing:GetBillingDetails",
      "billing:GetCredits",
      "billing:ListBillingViews",
      "cur:DescribeReportDefinitions",
    ],
    Resource: "*",
  },
  // The commitments the account already holds: what is covered, what expires when.
  { Sid: "SavingsPlansRead", Effect: "Allow", Action: ["savingsplans:Describe*", "savingsplans:List*"], Resource: "*" },
  // Existing reservations and the offerings on sale, per service. The prefixes stop at "Reserved", so nothing
  // else of these services (instances, databases, clusters) is readable.
  {
    Sid: "ReservationsRead",
    Effect: "Allow",
    Action: [
      "ec2:DescribeReservedInstances*",
      "rds:DescribeReserved*",
      "elasticache:DescribeReserved*",
      "redshift:DescribeReserved*",
      "es:DescribeReserved*",
    ],
    Resource: "*",
  },
  // Reservations are regional and zonal: which regions the account has enabled, and its own zone names/IDs.
  {
    Sid: "Ec2RegionsRead",
    Effect: "Allow",
    Action: ["ec2:DescribeAvailabilityZones", "ec2:DescribeRegions"],
    Resource: "*",
  },
  // The invites flow must know whether the account already belongs to an organization, and to which.
  { Sid: "OrganizationRead", Effect: "Allow", Action: ["organizations:DescribeOrganization"], Resource: "*" },
];

// Autopilot adds the purchase and modify calls, one statement per service so a reviewer can strike one.
// Deliberately absent: any Delete/Terminate, any IAM, any change to running resources.
const autopilotStatements: PolicyStatement[] = [
  // Buy EC2 RIs, re-scope/split/merge them (ModifyReservedInstances) and exchange convertible ones (the quote, then
  // the acceptance: AWS requires both calls).
  {
    Sid: "Ec2ReservedInstancesManage",
    Effect: "Allow",
    Action: [
      "ec2:AcceptReservedInstancesExchangeQuote",
      "ec2:GetReservedInstancesExchangeQuote",
      "ec2:ModifyReservedInstances",
      "ec2:PurchaseReservedInstancesOffering",
    ],
    Resource: "*",
  },
  // Sell unused standard RIs on the Reserved Instance Marketplace (Pump's onboarding includes the customer's
  // AWS seller registration for this), and withdraw a listing.
  {
    Sid: "Ec2ReservedInstancesMarketplace",
    Effect: "Allow",
    Action: ["ec2:CancelReservedInstancesListing", "ec2:CreateReservedInstancesListing"],
    Resource: "*",
  },
  // Buy Savings Plans; a queued (future-dated) purchase can be withdrawn before it starts.
  {
    Sid: "SavingsPlansPurchase",
    Effect: "Allow",
    Action: ["savingsplans:CreateSavingsPlan", "savingsplans:DeleteQueuedSavingsPlan"],
    Resource: "*",
  },
  { Sid: "RdsReservedPurchase", Effect: "Allow", Action: ["rds:PurchaseReservedDBInstancesOffering"], Resource: "*" },
  {
    Sid: "ElastiCacheReservedPurchase",
    Effect: "Allow",
    Action: ["elasticache:PurchaseReservedCacheNodesOffering"],
    Resource: "*",
  },
  {
    Sid: "RedshiftReservedPurchase",
    Effect: "Allow",
    Action: ["redshift:PurchaseReservedNodeOffering"],
    Resource: "*",
  },
  // OpenSearch names the call by its current API and, for older domains, by the Elasticsearch-era API.
  {
    Sid: "OpenSearchReservedPurchase",
    Effect: "Allow",
    Action: ["es:PurchaseReservedElasticsearchInstanceOffering", "es:PurchaseReservedInstanceOffering"],
    Resource: "*",
  },
];

/** The role's permissions: read-only, or read-only plus purchases (autopilot). Fresh objects on every call. */
export function permissionsPolicy(roleType: RoleType): PolicyDocument {
  const statements = roleType === "autopilot" ? [...readOnlyStatements, ...autopilotStatements] : readOnlyStatements;
  return { Version: "2012-10-17", Statement: structuredClone(statements) };
}

/** Every action a document allows, flattened. */
export function policyActions(doc: { Statement: { Action: string | string[] }[] }): string[] {
  return doc.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

/** The size IAM counts against its quotas: the JSON without whitespace. */
export function policySize(doc: unknown): number {
  return JSON.stringify(doc).replace(/\s/g, "").length;
}
