import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures";

test.use({ storageState: storageState("admin") });

test("[audit] admin filters the log, sorts it, opens a row's diff, and a shared link reopens the same view", async ({
  page,
  browser,
}) => {
  // Make sure there is a role change to look at.
  await page.goto("/staff");
  const row = page.getByTestId("staff-row-am@pump.test");
  await row.getByLabel("Role of am@pump.test", { exact: true }).selectOption("solutions_architect");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Saved")).toBeVisible();

  await page.goto("/audit");
  const filters = page.getByRole("search", { name: "Filters" });
  await filters.getByLabel("Action", { exact: true }).fill("staff.change_role");
  await filters.getByLabel("Outcome", { exact: true }).selectOption("ok");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=staff.change_role/);
  await page.getByRole("button", { name: "Actor" }).click();
  await expect(page).toHaveURL(/sort=actorEmail/);

  const table = page.getByRole("table", { name: "Audit events" });
  // The URL changes at once; the server's rows for it follow, and the table is busy until they have arrived.
  await expect(table).toHaveAttribute("aria-busy", "false");
  await expect(table.getByRole("cell", { name: "staff.change_role" }).first()).toBeVisible();
  const url = page.url();
  const rows = await table.locator("tbody tr").allTextContents();
  await table.getByRole("button", { name: "Show details" }).first().click();
  const changes = page.getByRole("definition").filter({ hasText: "solutions_architect" });
  await expect(changes.first()).toContainText("account_manager");

  // The URL is the view: a fresh browser context with the same link shows the same rows.
  const other = await browser.newContext({ storageState: storageState("admin") });
  const otherPage = await other.newPage();
  await otherPage.goto(url);
  await expect(otherPage.getByRole("table", { name: "Audit events" }).locator("tbody tr")).toHaveText(rows);
  await other.close();
});
