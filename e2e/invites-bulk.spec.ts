import { expect, hydrated, openPage, storageState, test } from "./fixtures";

// Seeded data used here, and nowhere else in the suite: Initrode Holdings (PUMP-0054, 30 verified standalone
// accounts 610000000001–610000000030) and Pump Europe (quota 50, daily limit 20). The invites spec owns Pump Main.

const WAITING = "Waiting in the queue — sent when headroom returns (Invites page → Send queued, or the reconciler).";

test.describe("[invites] bulk invite", () => {
  test.use({ storageState: storageState("support") });

  test("support engineer picks Initrode in the tenants table and bulk-invites its 30 accounts: 20 sent now, 10 wait for the daily limit", async ({
    page,
    browser,
  }) => {
    await page.goto("/tenants");
    await page.getByRole("checkbox", { name: "Select PUMP-0054 Initrode Holdings" }).check();
    // The pick survives the filter bar (a full page load): staff search for one tenant after another.
    const filters = page.getByRole("search", { name: "Filters" });
    await filters.getByLabel("Search").fill("Initrode");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/q=Initrode/);
    // The filters are a plain GET form: a new document, whose selection is restored once it is hydrated.
    await hydrated(page);
    await expect(page.getByRole("checkbox", { name: "Select PUMP-0054 Initrode Holdings" })).toBeChecked();
    await page.getByRole("link", { name: "Invite selected (1)" }).click();
    await expect(page).toHaveURL(/\/invites\/bulk\?tenants=PUMP-0054$/);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1, name: "Bulk invite" })).toBeVisible();
    await expect(page.getByRole("list").getByText("Initrode Holdings")).toBeVisible();
    // Initrode is set to join Pump Europe, so the picker starts there rather than on Pump's default (Pump Main).
    await expect(page.getByLabel("Pump organization").locator("option:checked")).toHaveText(/^Pump Europe/);

    await page.getByRole("button", { name: "Preview" }).click();
    const table = page.getByRole("table", { name: "Bulk invite preview" });
    await expect(table.locator("tbody tr")).toHaveCount(30, { timeout: 30_000 });
    await expect(page.getByText("20 will be sent now, 10 will wait for the daily limit")).toBeVisible();
    await expect(table.getByText("Send now", { exact: true })).toHaveCount(20);
    await expect(table.getByText("Waits — daily limit", { exact: true })).toHaveCount(10);
    await expect(table.getByText("Ready to invite", { exact: true })).toHaveCount(30);

    const confirm = page.getByRole("form", { name: "Confirm bulk invite" });
    await confirm.getByLabel("Type 30 to confirm").fill("29");
    await confirm.getByRole("button", { name: "Queue 30 and start sending" }).click();
    await expect(confirm.getByText("Type the number of accounts to confirm.")).toBeVisible();
    await confirm.getByLabel("Type 30 to confirm").fill("30");
    await confirm.getByRole("button", { name: "Queue 30 and start sending" }).click();

    const progress = page.getByRole("region", { name: "Bulk invite finished" });
    await expect(progress).toBeVisible({ timeout: 60_000 });
    await expect(progress.getByRole("meter", { name: "Bulk invite progress" })).toHaveAttribute("aria-valuenow", "30");
    await expect(progress.getByRole("status").filter({ hasText: "done" })).toHaveText(
      "30 of 30 done: 20 sent · 10 waiting in the queue · 0 exceptions · 0 failed · 0 in doubt",
    );
    await expect(progress.getByText(/10 invites are waiting in the queue — sent when headroom returns/)).toContainText(
      "daily invitation limit",
    );
    await expect(table.getByText("Sent", { exact: true })).toHaveCount(20);
    await expect(table.getByText("Waiting: daily limit", { exact: true })).toHaveCount(10);
    await expect(table.getByText(WAITING, { exact: true })).toHaveCount(10);
    // Preview order is kept: the first twenty accounts went, the last ten wait.
    await expect(table.getByRole("row").filter({ hasText: "6100-0000-0020" })).toContainText("Sent");
    await expect(table.getByRole("row").filter({ hasText: "6100-0000-0021" })).toContainText("Waiting: daily limit");

    // What the database now holds, as the Organizations page reads it.
    await page.goto("/organizations");
    const europe = page.getByRole("region", { name: "Pump Europe" });
    await expect(europe).toContainText("Attempts in the last 24 h: 20 / 20 daily limit");
    await expect(europe).toContainText("Daily limit reached: nothing more is sent until the next slot frees up at");
    await expect(europe).toContainText("Queued in Pump: 10");
    await expect(europe).toContainText(/\d+ members \+ 20 pending \/ 50/);
    await expect(europe.getByRole("button", { name: "Sync from AWS for Pump Europe" })).toBeVisible();

    // And in the audit log: one queue row per account, one send row per sent invite.
    const { context: admin, page: audit } = await openPage(browser, { storageState: storageState("admin") });
    await audit.goto("/audit?action=invites.queue_bulk&outcome=ok");
    await expect(audit.getByText(/^30 rows/)).toBeVisible();
    await admin.close();
  });

  test("support engineer pastes a list with a malformed account ID: a field error, and no preview", async ({
    page,
  }) => {
    await page.goto("/invites/bulk");
    const list = page.getByLabel("AWS account IDs");
    await list.fill("6100-0000-0001\n610000000002, 12345");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText("Not 12-digit account IDs: 12345")).toBeVisible();
    await expect(list).toHaveAttribute("aria-invalid", "true");
    await expect(list).toHaveValue("6100-0000-0001\n610000000002, 12345");
    await expect(page.getByRole("table", { name: "Bulk invite preview" })).toHaveCount(0);
  });
});

test("[invites] an account manager reads organizations but cannot bulk invite, and is offered neither the page nor the selection", async ({
  browser,
}) => {
  const { context: manager, page } = await openPage(browser, { storageState: storageState("account_manager") });
  await page.goto("/");
  await expect(page.getByTestId("current-role")).toHaveText("Account manager");
  // A real 403, not a 200 carrying the refusal: nothing streams before the bulk page's own check.
  expect((await page.goto("/invites/bulk"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await page.goto("/tenants?q=Initrode");
  await expect(page.getByRole("table", { name: "Tenants" }).getByText("Initrode Holdings")).toBeVisible();
  await expect(page.getByRole("table", { name: "Tenants" }).getByRole("checkbox")).toHaveCount(0);
  await page.goto("/organizations");
  await expect(page.getByRole("region", { name: "Pump Europe" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Bulk invite" })).toHaveCount(0);
  await manager.close();
});
