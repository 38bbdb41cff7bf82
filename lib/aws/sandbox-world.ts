// No `import "server-only"` here: the seed script (db/seed.ts, run by tsx outside Next) imports this module, and
// server-only throws outside a React server bundle. Nothing here is secret: these are fake sandbox accounts.
import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { sandboxIamRoles, sandboxOrganizations, sandboxOrgMembers } from "@/db/schema";

/**
 * The sandbox's fixed AWS world, used by the seed and by tests. The role chain it models:
 *   console principal (account 111122223333)
 *     → PumpConsoleOperator in a Pump organization's management account (trusts the console account)
 *       → PumpCustomerAccess in a customer account (trusts that management account, requires an External ID)
 */

export type SandboxRole = {
  arn: string;
  accountId: string;
  /** Account whose principals the trust policy allows. */
  trustedAccountId: string;
  /** The trust policy's `sts:ExternalId` condition; null = none (anyone in the trusted account may assume it). */
  requiredExternalId: string | null;
  maxSessionDuration: number;
};

const CONSOLE_ACCOUNT = "111122223333";

/** AWS role IDs are `AROA` + 17 upper-case alphanumerics; derived from the ARN so they stay stable across seeds. */
export function sandboxRoleUniqueId(roleArn: string) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bytes = createHash("sha256").update(roleArn).digest();
  return "AROA" + Array.from(bytes.subarray(0, 17), (b) => alphabet[b % 32]).join("");
}

const pumpOrganizations = [
  {
    name: "Pump Main",
    orgId: "o-7hk2m9q4xz",
    managementAccountId: "222233334444",
    operatorRoleArn: "arn:aws:iam::222233334444:role/PumpConsoleOperator",
  },
  {
    name: "Pump Europe",
    orgId: "o-3fp8w2n6tbq1",
    managementAccountId: "333344445555",
    operatorRoleArn: "arn:aws:iam::333344445555:role/PumpConsoleOperator",
  },
] as const;

const [main, europe] = pumpOrganizations;

const customerRole = <E extends string | null>(
  accountId: string,
  trustedBy: { managementAccountId: string },
  externalId: E,
) => ({
  accountId,
  roleArn: `arn:aws:iam::${accountId}:role/PumpCustomerAccess`,
  trustedAccountId: trustedBy.managementAccountId,
  // Fixed, realistic values: 192 random bits, base64url (inside AWS's `[\w+=,.@:/-]`), generated once.
  externalId,
});

/**
 * Organizations besides Pump's, for invitations to accounts already in one
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_accept-decline-invite.html),
 * matching the demo tenants: wayne-rnd (100000000004) is a member of Wayne's organization, stark-management
 * (100000000003) and oscorp-root (100000000013) the management accounts of Stark's and Oscorp's.
 */
const otherOrganizations = {
  wayne: { orgId: "o-wayne000001", managementAccountId: "900000000001", memberAccountIds: ["100000000004"] },
  stark: { orgId: "o-stark00001", managementAccountId: "100000000003", memberAccountIds: [] },
  oscorp: { orgId: "o-oscorp00001", managementAccountId: "100000000013", memberAccountIds: [] },
} as const;

export const sandboxWorld = {
  console: {
    accountId: CONSOLE_ACCOUNT,
    roleArn: `arn:aws:iam::${CONSOLE_ACCOUNT}:role/PumpConsole`,
    arn: `arn:aws:sts::${CONSOLE_ACCOUNT}:assumed-role/PumpConsole/console`,
    userId: `${sandboxRoleUniqueId(`arn:aws:iam::${CONSOLE_ACCOUNT}:role/PumpConsole`)}:console`,
  },
  pumpOrganizations,
  customers: {
    acme: { name: "Acme Corp", ...customerRole("444455556666", main, "pump-MVP2bpGejuaKNt51oO1SylCC7-_na4SA") },
    globex: { name: "Globex", ...customerRole("555566667777", main, "pump-xGa5oX8MuH5m8HJGMUbLFXDTzf9HkZDY") },
    initech: { name: "Initech", ...customerRole("666677778888", europe, "pump-FAAQsdJ64fpzXmN06CqEWRKWM2tBPIGA") },
    // The "unprotected" role AWS warns about: no sts:ExternalId condition, so it can be assumed with or without one.
    umbrella: { name: "Umbrella (unprotected role)", ...customerRole("777788889999", main, null) },
  },
  otherOrganizations,
  /** A customer role in a member account of another organization (Wayne's), so tests can call from inside one. */
  otherOrgMember: { name: "Wayne R&D", ...customerRole("100000000004", main, "pump-Wn7qRk2HxV0cLd9TzB4sYe6uJm3aPf8G") },
} as const;

/** Every organization of the sandbox world with its accounts, as stored in sandbox_organizations / _org_members. */
export const sandboxOrganizationsWorld: readonly {
  id: string;
  managementAccountId: string;
  featureSet: "ALL" | "CONSOLIDATED_BILLING";
  memberAccountIds: readonly string[];
}[] = [
  ...pumpOrganizations.map((o) => ({ id: o.orgId, managementAccountId: o.managementAccountId, memberAccountIds: [] })),
  ...Object.values(otherOrganizations).map((o) => ({
    id: o.orgId,
    managementAccountId: o.managementAccountId,
    memberAccountIds: o.memberAccountIds,
  })),
].map((o) => ({ ...o, featureSet: "ALL" as const }));

/** Every IAM role of the sandbox world, as stored in `sandbox_iam_roles`. */
export const sandboxRoles: readonly SandboxRole[] = [
  ...pumpOrganizations.map((org) => ({
    arn: org.operatorRoleArn,
    accountId: org.managementAccountId,
    trustedAccountId: CONSOLE_ACCOUNT,
    requiredExternalId: null,
    // Operator roles allow long sessions; only role chaining caps them (the console principal is not counted as
    // chaining, like an EC2 instance profile).
    maxSessionDuration: 43200,
  })),
  ...[...Object.values(sandboxWorld.customers), sandboxWorld.otherOrgMember].map((c) => ({
    arn: c.roleArn,
    accountId: c.accountId,
    trustedAccountId: c.trustedAccountId,
    requiredExternalId: c.externalId,
    maxSessionDuration: 3600,
  })),
];

/**
 * Idempotent. On conflict it keeps the stored row: the sandbox's customer-side controls may have changed a role
 * (trust, External ID) on purpose, and re-seeding must not silently undo that.
 */
export async function seedSandboxWorld(db: Db) {
  await db
    .insert(sandboxIamRoles)
    .values([...sandboxRoles])
    .onConflictDoNothing({ target: sandboxIamRoles.arn });
  await db
    .insert(sandboxOrganizations)
    .values(
      sandboxOrganizationsWorld.map(({ id, managementAccountId, featureSet }) => ({
        id,
        managementAccountId,
        featureSet,
      })),
    )
    .onConflictDoNothing({ target: sandboxOrganizations.id });
  // Accounts that moved since (an accepted invitation) keep their new organization.
  await db
    .insert(sandboxOrgMembers)
    .values(
      sandboxOrganizationsWorld.flatMap((o) => [
        { accountId: o.managementAccountId, organizationId: o.id, isManagement: true },
        ...o.memberAccountIds.map((accountId) => ({ accountId, organizationId: o.id, isManagement: false })),
      ]),
    )
    .onConflictDoNothing({ target: sandboxOrgMembers.accountId });
}
