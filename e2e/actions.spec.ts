import type { Page } from "@playwright/test";
import { can, type Permission } from "../lib/auth/permissions";
import { expect, postAction, roles, serverActions, storageState, test } from "./fixtures";

const NO_ROW = "00000000-0000-4000-8000-000000000000";

/**
 * Every server action in the build, with the permission it needs and a valid input. A new action that is not
 * listed here fails the first test: it must be added, with its permission, before it can ship.
 */
const catalog: Record<string, { permission: Permission; args: (ids: { support2: string }) => unknown[] }> = {
  "lib/staff/actions.ts#addStaff": {
    permission: "staff.manage",
    args: () => [{ email: "probe@pump.test", name: "Probe", role: "admin" }],
  },
  "lib/staff/actions.ts#changeStaffRole": {
    permission: "staff.manage",
    args: ({ support2 }) => [{ staffId: support2, role: "admin" }],
  },
  "lib/staff/actions.ts#setStaffDisabled": {
    permission: "staff.manage",
    args: ({ support2 }) => [{ staffId: support2, disabled: "true" }],
  },
  // Valid input that reaches the permission check; the ids match no row, so even a wrongly allowed probe could
  // not change a tenant (and its response would fail the "You don't have permission" assertion).
  "lib/tenants/actions.ts#createTenant": {
    permission: "tenants.write",
    args: () => [{ pumpId: "PUMP-9990", name: "Probe", contacts: [{ name: "Probe", email: "probe@probe.example" }] }],
  },
  "lib/tenants/actions.ts#updateTenant": {
    permission: "tenants.write",
    args: () => [
      {
        tenantId: NO_ROW,
        pumpId: "PUMP-9991",
        name: "Probe",
        contacts: [{ name: "Probe", email: "probe@probe.example" }],
      },
    ],
  },
  "lib/tenants/actions.ts#addAwsAccount": {
    permission: "tenants.write",
    args: () => [{ tenantId: NO_ROW, accountId: "999900000001", name: "probe", roleType: "read_only" }],
  },
  "lib/tenants/actions.ts#updateAwsAccount": {
    permission: "tenants.write",
    args: () => [{ awsAccountId: NO_ROW, name: "probe", roleType: "read_only" }],
  },
  "lib/onboarding/actions.ts#issueOnboarding": {
    permission: "onboarding.issue",
    args: () => [{ tenantId: NO_ROW, roleType: "read_only", region: "us-east-1" }],
  },
  "lib/onboarding/actions.ts#reissueOnboarding": {
    permission: "onboarding.issue",
    args: () => [{ onboardingId: NO_ROW }],
  },
  "lib/onboarding/actions.ts#revokeOnboarding": {
    permission: "onboarding.issue",
    args: () => [{ onboardingId: NO_ROW }],
  },
  "lib/onboarding/actions.ts#showOnboardingLink": {
    permission: "onboarding.issue",
    args: () => [{ onboardingId: NO_ROW }],
  },
  "lib/onboarding/actions.ts#recordManualRole": {
    permission: "onboarding.record_manual",
    args: () => [{ awsAccountId: NO_ROW, roleArn: "arn:aws:iam::999900000001:role/Probe" }],
  },
  "lib/onboarding/actions.ts#verifyRole": { permission: "roles.verify", args: () => [{ awsAccountId: NO_ROW }] },
  "lib/onboarding/actions.ts#simulateDeployment": {
    permission: "sandbox.simulate",
    args: () => [{ onboardingId: NO_ROW }],
  },
  "lib/invites/actions.ts#preflightInvite": { permission: "invites.send", args: () => [{ awsAccountId: NO_ROW }] },
  "lib/invites/actions.ts#sendInvite": {
    permission: "invites.send",
    args: () => [{ awsAccountId: NO_ROW, confirmAccountId: "999900000001" }],
  },
  "lib/invites/actions.ts#previewBulkInvite": {
    permission: "invites.send",
    args: () => [{ accountIds: "999900000001", pumpOrganizationId: NO_ROW }],
  },
  "lib/invites/actions.ts#queueBulkInvites": {
    permission: "invites.send",
    args: () => [{ awsAccountIds: [NO_ROW], pumpOrganizationId: NO_ROW, confirmCount: 1 }],
  },
  "lib/invites/actions.ts#sendQueuedInvite": { permission: "invites.send", args: () => [{ inviteId: NO_ROW }] },
  "lib/invites/actions.ts#sendQueuedInvites": {
    permission: "invites.send",
    args: () => [{ pumpOrganizationId: NO_ROW }],
  },
  "lib/invites/actions.ts#cancelInvite": {
    permission: "invites.cancel",
    args: () => [{ inviteId: NO_ROW, confirmAccountId: "999900000001" }],
  },
  "lib/invites/actions.ts#resendInvite": {
    permission: "invites.cancel",
    args: () => [{ inviteId: NO_ROW, confirmAccountId: "999900000001" }],
  },
  "lib/invites/actions.ts#syncInvites": { permission: "invites.read", args: () => [{ pumpOrganizationId: NO_ROW }] },
  "lib/invites/actions.ts#reconcileInvites": {
    permission: "invites.reconcile",
    args: () => [{ pumpOrganizationId: NO_ROW }],
  },
  "lib/invites/actions.ts#sandboxRespondToInvite": {
    permission: "sandbox.simulate",
    args: () => [{ inviteId: NO_ROW, answer: "accept" }],
  },
  "lib/invites/actions.ts#advanceSandboxClock": { permission: "sandbox.simulate", args: () => [{ days: 1 }] },
  "lib/tenants/actions.ts#revealExternalId": {
    permission: "tenants.reveal_external_id",
    args: () => [{ awsAccountId: NO_ROW }],
  },
};

async function staffState(page: Page) {
  await page.goto("/staff");
  const row = page.getByTestId("staff-row-support2@pump.test");
  return {
    support2: await row.locator('input[name="staffId"]').first().inputValue(),
    role: await row.getByLabel("Role of support2@pump.test", { exact: true }).inputValue(),
    status: (await row.getByText(/^(Active|Disabled)$/).textContent())?.trim(),
    probeExists: (await page.getByTestId("staff-row-probe@pump.test").count()) > 0,
  };
}

test.describe("[actions] direct POSTs", () => {
  test.use({ storageState: storageState("admin") });

  test("every action in the build is in the catalog", () => {
    expect([...serverActions().keys()].sort()).toEqual(Object.keys(catalog).sort());
  });

  test("a direct POST by a role without the permission is refused, audited, and changes nothing", async ({
    page,
    browser,
    baseURL,
  }) => {
    const before = await staffState(page);
    const actions = serverActions();
    for (const role of roles) {
      const context = await browser.newContext({ storageState: storageState(role) });
      for (const [key, entry] of Object.entries(catalog)) {
        if (can(role, entry.permission)) continue;
        const result = await postAction(context.request, actions.get(key)!, entry.args(before), { Origin: baseURL! });
        expect(result.status, `${role} ${key}`).toBe(200);
        expect(result.body, `${role} ${key}`).toContain("You don't have permission");
      }
      await context.close();
    }
    expect(await staffState(page)).toEqual(before);
    await page.goto("/audit?outcome=denied&action=staff.");
    await expect(page.getByRole("cell", { name: "sa@pump.test" }).first()).toBeVisible();
  });

  test("cross-origin, null-origin and origin-less POSTs change nothing, even for an admin", async ({ page }) => {
    const before = await staffState(page);
    const id = serverActions().get("lib/staff/actions.ts#setStaffDisabled")!;
    const probes: Record<string, string>[] = [{ Origin: "https://evil.example" }, { Origin: "null" }, {}];
    for (const headers of probes) {
      const result = await postAction(page.request, id, [{ staffId: before.support2, disabled: "true" }], headers);
      // Next's own check answers a foreign or null Origin before the action runs; ours answers the rest.
      expect(result.body).not.toContain('"ok":true');
    }
    expect(await staffState(page)).toEqual(before);
  });

  test("the same direct POST with the console's origin works for an admin (the probes above could fail)", async ({
    page,
    baseURL,
  }) => {
    const id = serverActions().get("lib/staff/actions.ts#addStaff")!;
    const result = await postAction(
      page.request,
      id,
      [{ email: "direct@pump.test", name: "Direct", role: "support" }],
      {
        Origin: baseURL!,
      },
    );
    expect(result.body).toContain('"ok":true');
    await page.goto("/staff");
    await expect(page.getByTestId("staff-row-direct@pump.test")).toBeVisible();
  });
});
