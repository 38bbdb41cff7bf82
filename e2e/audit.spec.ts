import { expect, hydrated, openPage, storageState, test } from "./fixtures";

test.use({ storageState: storageState("admin") });

test("[audit] admin filters the log, sorts it, opens a row's diff, and a shared link reopens the same view", async ({
  page,
  browser,
}) => {
  // A role change to look at, on a member of this spec's own: the seeded staff keep their roles for the other specs.
  await page.goto("/staff");
  const form = page.getByRole("form", { name: "Add staff member" });
  await form.getByLabel("Email").fill("am.audit@pump.test");
  await form.getByLabel("Name").fill("Audrey Manager");
  await form.getByLabel("Role").selectOption("account_manager");
  await form.getByRole("button", { name: "Add" }).click();
  await expect(page.getByText("Staff member added")).toBeVisible();
  const row = page.getByTestId("staff-row-am.audit@pump.test");
  const staffId = await row.locator('input[name="staffId"]').first().inputValue();
  await row.getByLabel("Role of am.audit@pump.test", { exact: true }).selectOption("solutions_architect");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Saved")).toBeVisible();

  await page.goto("/audit");
  const filters = page.getByRole("search", { name: "Filters" });
  await filters.getByLabel("Action", { exact: true }).fill("staff.change_role");
  await filters.getByLabel("Outcome", { exact: true }).selectOption("ok");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=staff.change_role/);
  // The filters are a plain GET form: a new document, and the sort buttons answer once it is hydrated.
  await hydrated(page);
  await page.getByRole("button", { name: "Actor" }).click();
  await expect(page).toHaveURL(/sort=actorEmail/);

  const table = page.getByRole("table", { name: "Audit events" });
  // The URL changes at once; the server's rows for it follow, and the table is busy until they have arrived.
  await expect(table).toHaveAttribute("aria-busy", "false");
  await expect(table.getByRole("cell", { name: "staff.change_role" }).first()).toBeVisible();
  const url = page.url();
  const rows = await table.locator("tbody tr").allTextContents();
  // This spec's change, whatever other specs changed before it.
  await table
    .locator("tbody tr")
    .filter({ hasText: `staff:${staffId}` })
    .getByRole("button", { name: "Show details" })
    .first()
    .click();
  const changes = page.getByRole("definition").filter({ hasText: "solutions_architect" });
  await expect(changes.first()).toContainText("account_manager");

  // The URL is the view: a fresh browser context with the same link shows the same rows.
  const other = await openPage(browser, { storageState: storageState("admin") });
  await other.page.goto(url);
  await expect(other.page.getByRole("table", { name: "Audit events" }).locator("tbody tr")).toHaveText(rows);
  await other.context.close();
});
