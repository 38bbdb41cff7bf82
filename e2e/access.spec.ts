import { can, type Permission } from "../lib/auth/permissions";
import { sections } from "../lib/auth/sections";
import { expect, roles, storageState, test } from "./fixtures";

for (const role of roles) {
  test.describe(`[access] ${role}`, () => {
    test.use({ storageState: storageState(role) });

    test(`${role} sees only the sections the role allows, with the sandbox banner`, async ({ page }) => {
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Main" });
      const expected = sections.filter((s) => can(role, s.permission)).map((s) => s.label);
      await expect(nav.getByRole("link")).toHaveText(expected);
      await expect(page.getByRole("status").filter({ hasText: "Sandbox AWS" })).toBeVisible();
    });

    test(`${role} reaches allowed sections by direct URL and is refused the others with a 403`, async ({ page }) => {
      for (const section of sections) {
        const response = await page.goto(section.href);
        if (can(role, section.permission as Permission)) {
          expect(response?.status(), section.href).toBe(200);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        } else {
          expect(response?.status(), section.href).toBe(403);
          await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
        }
      }
    });
  });
}

test.describe("[access] pages inside a section", () => {
  test.use({ storageState: storageState("solutions_architect") });

  test("a role that may read tenants but not write them gets a 403 on the create and edit pages", async ({ page }) => {
    for (const path of ["/tenants/new", "/tenants/PUMP-0042/edit", "/tenants/PUMP-0042/accounts/new"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
    expect((await page.goto("/tenants/PUMP-0042"))?.status()).toBe(200);
  });
});

test.describe("[access] signed out", () => {
  test("every section redirects to sign-in, even with a middleware-bypass header", async ({ page, request }) => {
    for (const section of sections) {
      await page.goto(section.href);
      await expect(page).toHaveURL(/\/sign-in$/);
      // CVE-2025-29927 skipped middleware with this header; pages here authorize themselves, so it changes nothing.
      const response = await request.get(section.href, {
        headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
        maxRedirects: 0,
      });
      expect(response.status(), section.href).toBe(307);
      expect(response.headers().location).toContain("/sign-in");
    }
  });

  test("a disabled staff member cannot sign in", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Staff member").selectOption("disabled@pump.test");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That staff member can't sign in: unknown or disabled.")).toBeVisible();
    await page.goto("/tenants");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
