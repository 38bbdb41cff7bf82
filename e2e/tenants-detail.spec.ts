import { sandboxWorld } from "../lib/aws/sandbox-world";
import { expect, hydrated, openPage, storageState, test } from "./fixtures";

const { acme } = sandboxWorld.customers;
const MASKED = "pump-••••••••";

test.describe("[tenants] tenant page", () => {
  test.use({ storageState: storageState("support") });

  test("support engineer copies a role ARN and reveals the External ID; an admin sees the reveal audited", async ({
    page,
    context,
    browser,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    // The External ID is nowhere in what the server sends, markup or serialized data, until it is revealed.
    const html = await (await page.request.get("/tenants/PUMP-0042")).text();
    expect(html).toContain("Acme Corp");
    expect(html).not.toContain(acme.externalId);

    await page.goto("/tenants/PUMP-0042");
    await expect(page.getByRole("heading", { name: "Acme Corp" })).toBeVisible();
    await expect(page.getByText("Wile E. Coyote")).toBeVisible();
    const card = page.locator(`#account-${acme.accountId}`);
    await expect(card.getByRole("heading", { name: /4444-5555-6666/ })).toBeVisible();
    await expect(card.getByText("Member of Pump organization Pump Main")).toBeVisible();
    await expect(card.getByText("h-acme0000joined1")).toBeVisible();

    const copy = card.getByRole("button", { name: "Copy role ARN of account 4444-5555-6666" });
    await copy.click();
    await expect(copy).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(acme.roleArn);

    await expect(card.getByTestId("external-id")).toHaveText(MASKED);
    await card.getByRole("button", { name: "Reveal External ID of account 4444-5555-6666" }).click();
    await expect(card.getByTestId("external-id")).toHaveText(acme.externalId);
    await card.getByRole("button", { name: "Copy External ID of account 4444-5555-6666" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(acme.externalId);

    // Held in the component only: a reload shows the mask again.
    await page.reload();
    await expect(page.locator(`#account-${acme.accountId}`).getByTestId("external-id")).toHaveText(MASKED);
    await expect(
      page.getByText("Sam Support revealed the External ID of account 4444-5555-6666").first(),
    ).toBeVisible();

    const { context: admin, page: adminPage } = await openPage(browser, { storageState: storageState("admin") });
    await adminPage.goto("/audit?action=tenants.reveal_external_id&outcome=ok");
    const table = adminPage.getByRole("table", { name: "Audit events" });
    await expect(table.getByRole("cell", { name: "tenants.reveal_external_id" }).first()).toBeVisible();
    await expect(table.getByRole("cell", { name: /support@pump\.test/ }).first()).toBeVisible();
    expect(await adminPage.content()).not.toContain(acme.externalId);
    await admin.close();
  });

  test("an account manager sees the tenant but no Reveal button", async ({ browser }) => {
    const { context: manager, page: managerPage } = await openPage(browser, {
      storageState: storageState("account_manager"),
    });
    await managerPage.goto("/tenants/PUMP-0042");
    await expect(managerPage.getByTestId("current-role")).toHaveText("Account manager");
    const card = managerPage.locator(`#account-${acme.accountId}`);
    await expect(card.getByTestId("external-id")).toHaveText(MASKED);
    await expect(card.getByRole("button", { name: /Reveal/ })).toHaveCount(0);
    await expect(card.getByRole("button", { name: "Copy role ARN of account 4444-5555-6666" })).toBeVisible();
    await manager.close();
  });

  test("an unknown Pump ID is a real 404, and its edit pages too", async ({ page }) => {
    for (const path of ["/tenants/PUMP-9999", "/tenants/PUMP-9999/edit", "/tenants/not-a-pump-id"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
    }
  });
});

test.describe("[tenants] create and edit", () => {
  test.use({ storageState: storageState("support") });

  test("support engineer creates a tenant and adds an account, with field errors and the duplicate's owner linked", async ({
    page,
  }) => {
    await page.goto("/tenants/new");
    const tenantForm = page.getByRole("form", { name: "New tenant" });
    await tenantForm.getByLabel("Pump ID").fill("pump-7001");
    await tenantForm.getByLabel("Company name").fill("Initrode");
    await tenantForm.getByLabel("Account manager").selectOption({ label: "Ada Admin (admin@pump.test)" });
    await tenantForm.getByLabel("Contact 1 name").fill("Peter Gibbons");
    await tenantForm.getByLabel("Contact 1 email").fill("peter@initrode.example");
    await tenantForm.getByRole("button", { name: "Create tenant" }).click();
    await expect(page).toHaveURL(/\/tenants\/PUMP-7001\?notice=tenant-created$/);
    await expect(page.getByRole("heading", { name: "Initrode" })).toBeVisible();
    await expect(page.getByText("Peter Gibbons")).toBeVisible();

    await page.getByRole("link", { name: "Add AWS account" }).click();
    await expect(page).toHaveURL(/\/tenants\/PUMP-7001\/accounts\/new$/);
    await hydrated(page);
    const form = page.getByRole("form", { name: "Add AWS account" });
    await form.getByLabel("Account ID", { exact: true }).fill("4444 5555 6666");
    await form.getByLabel("Account name").fill("initrode-prod");
    await form.getByLabel("Role ARN").fill("arn:aws:iam::444455556666:user/PumpCustomerAccess");
    await form.getByLabel("Deployment method").selectOption("cloudformation");
    await form.getByRole("button", { name: "Add account" }).click();
    await expect(
      form.getByText("Enter a role ARN like arn:aws:iam::123456789012:role/PumpCustomerAccess."),
    ).toBeVisible();
    await expect(form.getByLabel("Role ARN")).toHaveAttribute("aria-invalid", "true");
    // What was typed survives the round trip.
    await expect(form.getByLabel("Account name")).toHaveValue("initrode-prod");

    await form.getByLabel("Role ARN").fill("arn:aws:iam::444455556666:role/PumpCustomerAccess");
    await form.getByRole("button", { name: "Add account" }).click();
    await expect(form.getByText("AWS account 444455556666 already belongs to Acme Corp (PUMP-0042).")).toBeVisible();
    await expect(form.getByRole("link", { name: "Open PUMP-0042" })).toHaveAttribute("href", "/tenants/PUMP-0042");

    await form.getByLabel("Account ID", { exact: true }).fill("7001-0000-0001");
    await form.getByLabel("Role ARN").fill("arn:aws:iam::700100000001:role/PumpCustomerAccess");
    await form.getByRole("button", { name: "Add account" }).click();
    await expect(page).toHaveURL(/\/tenants\/PUMP-7001\?notice=account-added#account-700100000001$/);
    const card = page.locator("#account-700100000001");
    await expect(card.getByTestId("role-arn")).toHaveText("arn:aws:iam::700100000001:role/PumpCustomerAccess");
    await expect(card.getByTestId("external-id")).toHaveText(MASKED);
    await expect(card.getByText("Not verified")).toBeVisible();
    await expect(page.getByText("Sam Support added account 7001-0000-0001")).toBeVisible();
    await expect(page.getByText("Sam Support created the tenant")).toBeVisible();

    // Editing the ARN sends verification back to the start.
    await card.getByRole("link", { name: /Edit account/ }).click();
    await expect(page).toHaveURL(/\/edit$/);
    await hydrated(page);
    const edit = page.getByRole("form", { name: "Edit AWS account" });
    await edit.getByLabel("Role ARN").fill("arn:aws:iam::700100000001:role/pump/PumpCustomerAccess");
    await edit.getByRole("button", { name: "Save account" }).click();
    await expect(page.getByText("The role ARN changed, so the role is unverified")).toBeVisible();
    await expect(page.locator("#account-700100000001").getByTestId("role-arn")).toHaveText(
      "arn:aws:iam::700100000001:role/pump/PumpCustomerAccess",
    );
  });

  test("a taken Pump ID gets the owner's name and a link", async ({ page }) => {
    await page.goto("/tenants/new");
    const form = page.getByRole("form", { name: "New tenant" });
    await form.getByLabel("Pump ID").fill("PUMP-0042");
    await form.getByLabel("Company name").fill("Acme Again");
    await form.getByLabel("Contact 1 name").fill("Road Runner");
    await form.getByLabel("Contact 1 email").fill("beep@acme.example");
    await form.getByRole("button", { name: "Create tenant" }).click();
    await expect(form.getByText("Pump ID PUMP-0042 already belongs to Acme Corp (PUMP-0042).")).toBeVisible();
    await expect(form.getByRole("link", { name: "Open PUMP-0042" })).toBeVisible();
  });
});
