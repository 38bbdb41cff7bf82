import { sandboxWorld } from "@/lib/aws/sandbox-world";
import type { awsAccounts } from "./schema";

type Account = Omit<typeof awsAccounts.$inferInsert, "tenantId" | "externalId" | "pumpOrganizationId"> & {
  externalId?: string;
  /** Index into sandboxWorld.pumpOrganizations, for members of a Pump organization. */
  pumpOrg?: 0 | 1;
  exception?: string;
  invite?: { handshakeId: string; state: "OPEN" | "ACCEPTED" | "DECLINED"; daysAgo: number };
};

export type SeedTenant = {
  pumpId: string;
  /** Index into sandboxWorld.pumpOrganizations: the organization that invites this tenant's accounts. */
  defaultOrg?: 0 | 1;
  name: string;
  notes?: string;
  manager?: string;
  contacts: { name: string; email: string }[];
  accounts: Account[];
};

const { acme, globex, initech, umbrella } = sandboxWorld.customers;
const arn = (accountId: string, name = "PumpCustomerAccess") => `arn:aws:iam::${accountId}:role/${name}`;

/** Tenants in every onboarding state, membership and verification state. */
export const seedTenants: SeedTenant[] = [
  {
    pumpId: "PUMP-0042",
    name: "Acme Corp",
    manager: "am@pump.test",
    notes: "Two accounts; the payer joined in the first week.",
    contacts: [{ name: "Wile E. Coyote", email: "wile@acme.example" }],
    accounts: [
      {
        accountId: acme.accountId,
        name: "acme-payer",
        email: "aws-root@acme.example",
        roleArn: acme.roleArn,
        externalId: acme.externalId,
        roleType: "autopilot",
        deploymentMethod: "cloudformation",
        verificationState: "verified",
        membership: "pump_member",
        pumpOrg: 0,
        onboardingState: "joined",
        invite: { handshakeId: "h-acme0000joined1", state: "ACCEPTED", daysAgo: 20 },
      },
      {
        accountId: "100000000001",
        name: "acme-sandbox",
        email: "aws-sandbox@acme.example",
        roleArn: arn("100000000001"),
        roleType: "read_only",
        deploymentMethod: "cloudformation",
        verificationState: "verified",
        membership: "standalone",
        onboardingState: "role_verified",
      },
    ],
  },
  {
    pumpId: "PUMP-0043",
    name: "Globex Corporation",
    manager: "am@pump.test",
    contacts: [{ name: "Hank Scorpio", email: "hank@globex.example" }],
    accounts: [
      {
        accountId: globex.accountId,
        name: "globex-main",
        email: "aws@globex.example",
        roleArn: globex.roleArn,
        externalId: globex.externalId,
        roleType: "read_only",
        deploymentMethod: "cloudformation",
        verificationState: "verified",
        membership: "standalone",
        onboardingState: "invited",
        invite: { handshakeId: "h-globex0000open1", state: "OPEN", daysAgo: 13 },
      },
    ],
  },
  {
    pumpId: "PUMP-0044",
    name: "Initech",
    contacts: [{ name: "Bill Lumbergh", email: "bill@initech.example" }],
    accounts: [
      {
        accountId: initech.accountId,
        name: "initech-prod",
        email: "aws@initech.example",
        roleArn: initech.roleArn,
        externalId: initech.externalId,
        roleType: "autopilot",
        deploymentMethod: "cloudformation",
        verificationState: "unverified",
        membership: "unknown",
        onboardingState: "role_deployed",
      },
    ],
  },
  {
    pumpId: "PUMP-0045",
    name: "Umbrella Corporation",
    notes: "Role deployed without the External ID condition: must be fixed before it can be verified.",
    contacts: [{ name: "Albert Wesker", email: "wesker@umbrella.example" }],
    accounts: [
      {
        accountId: umbrella.accountId,
        name: "umbrella-labs",
        email: "aws@umbrella.example",
        roleArn: umbrella.roleArn,
        roleType: "read_only",
        deploymentMethod: "manual",
        verificationState: "unprotected",
        lastVerificationError:
          "The role can be assumed without the External ID: its trust policy lacks the sts:ExternalId condition.",
        membership: "unknown",
        onboardingState: "role_deployed",
      },
    ],
  },
  {
    pumpId: "PUMP-0046",
    name: "Hooli",
    manager: "am@pump.test",
    contacts: [{ name: "Gavin Belson", email: "gavin@hooli.example" }],
    accounts: [
      {
        accountId: "100000000002",
        name: "hooli-xyz",
        email: "aws@hooli.example",
        roleType: "autopilot",
        membership: "unknown",
        onboardingState: "link_issued",
      },
    ],
  },
  {
    pumpId: "PUMP-0047",
    name: "Stark Industries",
    notes: "Management account of its own organization with SSO; bringing the organization whole.",
    contacts: [{ name: "Pepper Potts", email: "pepper@stark.example" }],
    accounts: [
      {
        accountId: "100000000003",
        name: "stark-management",
        email: "aws-root@stark.example",
        roleArn: arn("100000000003"),
        roleType: "autopilot",
        deploymentMethod: "cloudformation",
        verificationState: "verified",
        membership: "other_management",
        otherOrgId: "o-stark00001",
        onboardingState: "exception",
        exception: "Management account of another organization: cannot join until it deletes its organization.",
      },
    ],
  },
  {
    pumpId: "PUMP-0048",
    name: "Wayne Enterprises",
    manager: "am@pump.test",
    contacts: [
      { name: "Lucius Fox", email: "lucius@wayne.example" },
      { name: "Alfred Pennyworth", email: "alfred@wayne.example" },
    ],
    accounts: [
      {
        accountId: "100000000004",
        name: "wayne-rnd",
        email: "rnd@wayne.example",
        roleArn: arn("100000000004"),
        externalId: sandboxWorld.otherOrgMember.externalId,
        roleType: "read_only",
        deploymentMethod: "cloudformation",
        verificationState: "verified",
        membership: "other_member",
        otherOrgId: "o-wayne000001",
        onboardingState: "exception",
        exception: "Member of another organization: a direct transfer drops its SSO assignments and SCPs.",
      },
      {
        accountId: "100000000005",
        name: "wayne-payer",
        email: "payer@wayne.example",
        roleArn: arn("100000000005", "pump/PumpCustomerAccess"),
        roleType: "autopilot",
        deploymentMethod: "cloudformation",
        verificationState: "verified",
        membership: "pump_member",
        pumpOrg: 1,
        onboardingState: "joined",
      },
    ],
  },
  {
    pumpId: "PUMP-0049",
    name: "Soylent",
    contacts: [{ name: "Sol Roth", email: "sol@soylent.example" }],
    accounts: [
      {
        accountId: "100000000006",
        name: "soylent-old",
        email: "aws@soylent.example",
        roleArn: arn("100000000006"),
        roleType: "read_only",
        deploymentMethod: "cloudformation",
        verificationState: "verified",
        membership: "standalone",
        onboardingState: "offboarded",
      },
    ],
  },
  {
    pumpId: "PUMP-0050",
    name: "Cyberdyne Systems",
    contacts: [{ name: "Miles Dyson", email: "miles@cyberdyne.example" }],
    accounts: [
      {
        accountId: "100000000007",
        name: "cyberdyne-ml",
        email: "aws@cyberdyne.example",
        roleArn: arn("100000000007"),
        roleType: "autopilot",
        deploymentMethod: "cloudformation",
        verificationState: "failed",
        lastVerificationError: "AWS refused to let Pump assume the role (AccessDenied).",
        membership: "unknown",
        onboardingState: "role_deployed",
      },
    ],
  },
  {
    pumpId: "PUMP-0051",
    name: "Tyrell Corporation",
    contacts: [{ name: "Rachael Tyrell", email: "rachael@tyrell.example" }],
    accounts: [
      {
        accountId: "100000000008",
        name: "tyrell-main",
        email: "aws@tyrell.example",
        roleArn: arn("100000000008", "PumpReadOnly"),
        roleType: "read_only",
        deploymentMethod: "manual",
        verificationState: "verified",
        membership: "standalone",
        onboardingState: "role_verified",
      },
    ],
  },
  {
    pumpId: "PUMP-0052",
    name: "Wonka Industries",
    contacts: [{ name: "Charlie Bucket", email: "charlie@wonka.example" }],
    accounts: [
      {
        accountId: "100000000009",
        name: "wonka-factory",
        email: "aws@wonka.example",
        roleArn: arn("100000000009"),
        roleType: "autopilot",
        deploymentMethod: "cloudformation",
        verificationState: "verified",
        membership: "standalone",
        onboardingState: "invited",
        invite: { handshakeId: "h-wonka00000open1", state: "OPEN", daysAgo: 3 },
      },
    ],
  },
  {
    pumpId: "PUMP-0053",
    name: "Massive Dynamic",
    manager: "am@pump.test",
    contacts: [{ name: "Nina Sharp", email: "nina@massive.example" }],
    accounts: [
      {
        accountId: "100000000010",
        name: "md-payer",
        email: "payer@massive.example",
        roleArn: arn("100000000010"),
        roleType: "autopilot",
        deploymentMethod: "cloudformation",
        verificationState: "verified",
        membership: "pump_member",
        pumpOrg: 0,
        onboardingState: "joined",
      },
      {
        accountId: "100000000011",
        name: "md-research",
        email: "research@massive.example",
        roleArn: arn("100000000011"),
        roleType: "read_only",
        deploymentMethod: "cloudformation",
        verificationState: "verified",
        membership: "standalone",
        onboardingState: "role_verified",
        invite: { handshakeId: "h-massive000decl1", state: "DECLINED", daysAgo: 40 },
      },
      {
        accountId: "100000000012",
        name: "md-labs",
        email: "labs@massive.example",
        roleType: "read_only",
        membership: "unknown",
        onboardingState: "link_issued",
      },
    ],
  },
  {
    pumpId: "PUMP-0054",
    name: "Initrode Holdings",
    defaultOrg: 1,
    notes: "Thirty verified accounts waiting for a bulk invite into Pump Europe.",
    contacts: [{ name: "Peter Gibbons", email: "peter@initrode.example" }],
    accounts: Array.from({ length: 30 }, (_, i) => {
      const accountId = String(610000000001 + i);
      return {
        accountId,
        name: `initrode-${String(i + 1).padStart(2, "0")}`,
        email: `aws+${i + 1}@initrode.example`,
        roleArn: arn(accountId),
        roleType: "read_only" as const,
        deploymentMethod: "cloudformation" as const,
        verificationState: "verified" as const,
        membership: "standalone" as const,
        onboardingState: "role_verified" as const,
      };
    }),
  },
  {
    pumpId: "PUMP-0055",
    name: "Oscorp",
    notes: "Pump does not know yet that this account runs its own organization: the invite preflight finds out.",
    contacts: [{ name: "Norman Osborn", email: "norman@oscorp.example" }],
    accounts: [
      {
        accountId: "100000000013",
        name: "oscorp-root",
        email: "cloud@oscorp.example",
        roleArn: arn("100000000013"),
        roleType: "read_only",
        deploymentMethod: "cloudformation",
        verificationState: "verified",
        membership: "unknown",
        onboardingState: "role_verified",
      },
    ],
  },
];
