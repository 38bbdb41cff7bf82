import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { awsAccounts, pumpOrganizations, staff, tenants } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import type { AwsGateway } from "@/lib/aws";
import { createSandboxGateway } from "@/lib/aws/sandbox-gateway";
import { sandboxWorld } from "@/lib/aws/sandbox-world";
import { recordAudit } from "@/lib/audit/record";
import type { ActionContext } from "@/lib/auth/action";
import { runPreflight } from "@/lib/invites/preflight";
import { issueOnboarding } from "./issue-onboarding";
import { getPumpPrincipalArn } from "./manual-queries";
import { simulatedRoleArn } from "./sandbox-callback";
import { createSandboxCustomerRole } from "./simulate-deployment";
import { verifyAccountRole } from "./verify-account-role";

/**
 * A tenant whose default organization is Pump Europe (Initrode, PUMP-0054): its link names Pump Europe's operator,
 * so the role the customer deploys trusts Pump Europe's management account, and verification and the preflight
 * assume it from there, even after the account joined another organization.
 */

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
}, 120_000);
afterAll(() => handle.close());

const [main, europe] = sandboxWorld.pumpOrganizations;
const accountId = "610000000001";

/** The sandbox gateway, noting the first hop of every role chain (the operator role the console assumes). */
function recordingGateway() {
  const gateway = createSandboxGateway(handle.db);
  const operators: string[] = [];
  const recording: AwsGateway = {
    ...gateway,
    assumeRole: (p) => {
      if (!p.as || p.as.kind === "console") operators.push(p.roleArn);
      return gateway.assumeRole(p);
    },
  };
  return { gateway: recording, operators };
}

async function context(): Promise<ActionContext> {
  const [actor] = await handle.db.select().from(staff).where(eq(staff.email, "sa@pump.test"));
  return {
    actor: { id: actor!.id, email: actor!.email, name: actor!.name, role: actor!.role, sessionId: "test" },
    requestId: "req-acting-org",
    db: handle.db,
    audit: (tx, entry) => recordAudit(tx, { system: "test" }, "req-acting-org", { action: "test", ...entry }),
  };
}

const account = async () =>
  (await handle.db.select().from(awsAccounts).where(eq(awsAccounts.accountId, accountId)))[0]!;

function verify(gateway: AwsGateway) {
  return account().then((a) =>
    verifyAccountRole(
      {
        db: handle.db,
        gateway,
        staff: { email: "sa@pump.test" },
        audit: (tx, entry) => recordAudit(tx, { system: "test" }, "req", { action: "roles.verify", ...entry }),
      },
      a.id,
    ),
  );
}

describe(`the organization acting for a tenant (${testDatabaseKind()})`, () => {
  it("is the tenant's default organization, Pump Europe, for links and manual instructions", async () => {
    const [initrode] = await handle.db.select().from(tenants).where(eq(tenants.pumpId, "PUMP-0054"));
    const [europeRow] = await handle.db.select().from(pumpOrganizations).where(eq(pumpOrganizations.name, europe.name));
    expect(initrode!.defaultPumpOrganizationId).toBe(europeRow!.id);

    const issued = await issueOnboarding(
      { tenantId: initrode!.id, accountId, roleType: "read_only", region: "eu-west-1", isFinalStep: false },
      await context(),
    );
    const params = new URLSearchParams(new URL(issued.link).hash.split("?")[1]);
    expect(params.get("param_PumpPrincipalArn")).toBe(europe.operatorRoleArn);
    expect(await getPumpPrincipalArn(handle.db, "PUMP-0054")).toBe(europe.operatorRoleArn);

    // The customer deploys the stack: its role trusts the principal the link named.
    const { externalId } = await account();
    await createSandboxCustomerRole(handle.db, {
      accountId,
      roleType: "read_only",
      externalId,
      principalArn: params.get("param_PumpPrincipalArn")!,
    });
    await handle.db
      .update(awsAccounts)
      .set({ roleArn: simulatedRoleArn(accountId, "read_only"), verificationState: "unverified" })
      .where(eq(awsAccounts.accountId, accountId));
  });

  it("re-verifies the role through Pump Europe's operator", async () => {
    const { gateway, operators } = recordingGateway();
    expect(await verify(gateway)).toEqual({ state: "verified" });
    expect(new Set(operators)).toEqual(new Set([europe.operatorRoleArn]));
  });

  it("asks AWS through the same operator in the invite preflight", async () => {
    const { gateway, operators } = recordingGateway();
    const preflight = await runPreflight(
      { db: handle.db, gateway, staff: { email: "sa@pump.test" } },
      {
        awsAccountId: (await account()).id,
      },
    );
    expect(preflight.organization.name).toBe(europe.name);
    expect(preflight.checks.find((c) => c.key === "organization")).toMatchObject({ status: "pass" });
    expect(operators[0]).toBe(europe.operatorRoleArn);
  });

  it("keeps that operator after the account joined another organization", async () => {
    const [mainRow] = await handle.db.select().from(pumpOrganizations).where(eq(pumpOrganizations.name, main.name));
    await handle.db
      .update(awsAccounts)
      .set({ membership: "pump_member", pumpOrganizationId: mainRow!.id })
      .where(eq(awsAccounts.accountId, accountId));
    const { gateway, operators } = recordingGateway();
    expect(await verify(gateway)).toEqual({ state: "verified" });
    expect(new Set(operators)).toEqual(new Set([europe.operatorRoleArn]));
  });
});
