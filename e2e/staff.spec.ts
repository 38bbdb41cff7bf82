import { expect, openPage, signInAndWait, storageState, test } from "./fixtures";

test.describe("[staff] admin manages staff", () => {
  test.use({ storageState: storageState("admin") });

  test("admin adds a member, changes the role and disables them; the member's open session ends at once", async ({
    page,
    browser,
  }) => {
    await page.goto("/staff");
    const form = page.getByRole("form", { name: "Add staff member" });
    await form.getByLabel("Email").fill("Temp.Member@pump.test");
    await form.getByLabel("Name").fill("Temp Member");
    await form.getByLabel("Role").selectOption("support");
    await form.getByRole("button", { name: "Add" }).click();
    await expect(page.getByText("Staff member added")).toBeVisible();
    const row = page.getByTestId("staff-row-temp.member@pump.test");
    await expect(row).toBeVisible();

    // The new member signs in and works in their own browser.
    // A context of their own: contexts inherit the admin's storage state from test.use unless told otherwise.
    const { context: member, page: memberPage } = await openPage(browser, {
      storageState: { cookies: [], origins: [] },
    });
    await signInAndWait(memberPage, "temp.member@pump.test");
    await expect(memberPage.getByTestId("current-role")).toHaveText("Support engineer");

    // Role change: effective on the member's next request.
    await row.getByLabel("Role of temp.member@pump.test", { exact: true }).selectOption("account_manager");
    await row.getByRole("button", { name: "Save role" }).click();
    await expect(row.getByText("Saved")).toBeVisible();
    await memberPage.reload();
    await expect(memberPage.getByTestId("current-role")).toHaveText("Account manager");

    // Disabling: the member's next request lands on the sign-in page.
    await row.getByRole("button", { name: "Disable temp.member@pump.test" }).click();
    await expect(row.getByText("Disabled")).toBeVisible();
    await memberPage.goto("/tenants");
    await expect(memberPage).toHaveURL(/\/sign-in$/);
    await member.close();

    // Each change left an audit row with its before/after.
    await page.goto("/audit?action=staff.&outcome=ok");
    await expect(page.getByRole("cell", { name: "staff.add" }).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "staff.change_role" }).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "staff.set_disabled" }).first()).toBeVisible();
  });

  test("a duplicate email gets a clear field error", async ({ page }) => {
    await page.goto("/staff");
    const form = page.getByRole("form", { name: "Add staff member" });
    await form.getByLabel("Email").fill("SUPPORT@pump.test");
    await form.getByLabel("Name").fill("Duplicate");
    await form.getByRole("button", { name: "Add" }).click();
    await expect(form.getByText("A staff member with this email already exists.")).toBeVisible();
  });
});

test("[auth] sign-out ends the session for pages and actions, even if the cookie is replayed", async ({ browser }) => {
  const { context, page } = await openPage(browser, {});
  await signInAndWait(page, "support@pump.test");
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const { context: replay, page: replayPage } = await openPage(browser, {});
  await replay.addCookies(cookies);
  await replayPage.goto("/tenants");
  await expect(replayPage).toHaveURL(/\/sign-in$/);
  await replay.close();
  await context.close();
});
