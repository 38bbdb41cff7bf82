import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { authorizedActionConfig } from "./action";
import { permissions, type Permission } from "./permissions";

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/**
 * The access inventory: every page, route handler and server action in the tree, with what guards it. A new file
 * that is not listed here fails this test, so nothing ships without a deliberate access decision.
 */
const pages: Record<string, Permission | "public" | "signed-in"> = {
  "app/page.tsx": "signed-in",
  "app/(auth)/sign-in/page.tsx": "public",
  "app/(console)/tenants/(list)/page.tsx": "tenants.read",
  "app/(console)/tenants/new/page.tsx": "tenants.write",
  "app/(console)/tenants/[pumpId]/(detail)/page.tsx": "tenants.read",
  "app/(console)/tenants/[pumpId]/edit/page.tsx": "tenants.write",
  "app/(console)/tenants/[pumpId]/accounts/new/page.tsx": "tenants.write",
  "app/(console)/tenants/[pumpId]/accounts/[accountId]/edit/page.tsx": "tenants.write",
  "app/(console)/tenants/[pumpId]/accounts/[accountId]/manual/page.tsx": "onboarding.record_manual",
  "app/(console)/invites/(list)/page.tsx": "invites.read",
  "app/(console)/invites/bulk/page.tsx": "invites.send",
  "app/(console)/organizations/page.tsx": "organizations.read",
  "app/(console)/exceptions/page.tsx": "exceptions.read",
  "app/(console)/customer-access/page.tsx": "customer_access.read",
  "app/(console)/sso/page.tsx": "sso.read",
  "app/(console)/audit/page.tsx": "audit.read",
  "app/(console)/staff/page.tsx": "staff.read",
};

const routes: Record<string, Permission | "public"> = {
  // Sign-in and sign-out themselves.
  "app/api/auth/[...nextauth]/route.ts": "public",
  // Liveness for the load balancer: reveals only whether the database answers.
  "app/api/health/route.ts": "public",
  // The ⌘K search; the External ID kind additionally needs tenants.reveal_external_id (checked inside).
  "app/api/search/route.ts": "tenants.read",
  "app/(console)/tenants/export/route.ts": "tenants.read",
  // AWS posts here; the SNS signature, the topic allowlist and the onboarding token are the authorization.
  "app/api/callbacks/cloudformation/route.ts": "public",
};

const actions: Record<string, Permission> = {
  "lib/staff/actions.ts#addStaff": "staff.manage",
  "lib/staff/actions.ts#changeStaffRole": "staff.manage",
  "lib/staff/actions.ts#setStaffDisabled": "staff.manage",
  "lib/tenants/actions.ts#createTenant": "tenants.write",
  "lib/tenants/actions.ts#updateTenant": "tenants.write",
  "lib/tenants/actions.ts#addAwsAccount": "tenants.write",
  "lib/tenants/actions.ts#updateAwsAccount": "tenants.write",
  "lib/tenants/actions.ts#revealExternalId": "tenants.reveal_external_id",
  "lib/onboarding/actions.ts#issueOnboarding": "onboarding.issue",
  "lib/onboarding/actions.ts#reissueOnboarding": "onboarding.issue",
  "lib/onboarding/actions.ts#revokeOnboarding": "onboarding.issue",
  "lib/onboarding/actions.ts#showOnboardingLink": "onboarding.issue",
  "lib/onboarding/actions.ts#verifyRole": "roles.verify",
  "lib/onboarding/actions.ts#simulateDeployment": "sandbox.simulate",
  "lib/onboarding/actions.ts#recordManualRole": "onboarding.record_manual",
  "lib/invites/actions.ts#preflightInvite": "invites.send",
  "lib/invites/actions.ts#sendInvite": "invites.send",
  "lib/invites/actions.ts#previewBulkInvite": "invites.send",
  "lib/invites/actions.ts#queueBulkInvites": "invites.send",
  "lib/invites/actions.ts#sendQueuedInvite": "invites.send",
  "lib/invites/actions.ts#sendQueuedInvites": "invites.send",
  "lib/invites/actions.ts#cancelInvite": "invites.cancel",
  "lib/invites/actions.ts#resendInvite": "invites.cancel",
  "lib/invites/actions.ts#syncInvites": "invites.read",
  "lib/invites/actions.ts#reconcileInvites": "invites.reconcile",
  "lib/invites/actions.ts#sandboxRespondToInvite": "sandbox.simulate",
  "lib/invites/actions.ts#advanceSandboxClock": "sandbox.simulate",
};

const root = path.resolve(import.meta.dirname, "../..");

function files(dir: string, name: RegExp): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && name.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe("access inventory", () => {
  it("lists every page, and each page checks its own permission", () => {
    const found = files("app", /^page\.tsx$/);
    expect(found.sort()).toEqual(Object.keys(pages).sort());
    for (const [file, guard] of Object.entries(pages)) {
      const source = readFileSync(path.join(root, file), "utf8");
      if (guard === "public") continue;
      if (guard === "signed-in") expect(source, file).toMatch(/requireSignedIn\(\)/);
      else expect(source, file).toContain(`requirePermission("${guard}")`);
    }
  });

  it("lists every route handler, and each non-public one authorizes itself", () => {
    const found = files("app", /^route\.ts$/);
    expect(found.sort()).toEqual(Object.keys(routes).sort());
    for (const [file, guard] of Object.entries(routes)) {
      if (guard === "public") continue;
      expect(readFileSync(path.join(root, file), "utf8"), file).toContain(`authorizeRoute("${guard}"`);
    }
  });

  it("lists every server action, each built by authorizedAction with the listed permission", async () => {
    const found: Record<string, Permission> = {};
    for (const file of files("lib", /^actions\.ts$/)) {
      expect(readFileSync(path.join(root, file), "utf8").startsWith('"use server"'), file).toBe(true);
      const mod = (await import(path.join(root, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        const config = (value as Record<symbol, { permission: Permission }>)[authorizedActionConfig];
        expect(config, `${file}#${name} must be built with authorizedAction`).toBeDefined();
        found[`${file}#${name}`] = config!.permission;
      }
    }
    expect(found).toEqual(actions);
    for (const p of Object.values(actions)) expect(permissions).toHaveProperty([p]);
  });

  it("keeps 'use server' in actions.ts files only (every export there is a public endpoint)", () => {
    const offenders = [...files("lib", /\.tsx?$/), ...files("app", /\.tsx?$/), ...files("components", /\.tsx?$/)]
      .filter((f) => !f.endsWith("actions.ts") && !f.includes(".test."))
      .filter((f) => /^\s*["']use server["']/m.test(readFileSync(path.join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
