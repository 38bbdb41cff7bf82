import type { Page } from "@playwright/test";
import { expect, hydrated, openPage, storageState, test } from "./fixtures";

test.use({ storageState: storageState("support") });

const tableRows = (page: Page) => page.getByRole("table", { name: "Tenants" }).locator("tbody tr");

test("[tenants] support engineer filters and sorts the list; the link reopens the same view elsewhere", async ({
  page,
  browser,
}) => {
  await page.goto("/tenants");
  const filters = page.getByRole("search", { name: "Filters" });
  await filters.getByLabel("Onboarding state", { exact: true }).selectOption("joined");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/state=joined/);
  // The filters are a plain GET form: a new document, and the sort buttons answer once it is hydrated.
  await hydrated(page);
  await page.getByRole("button", { name: "Name" }).click();
  await expect(page).toHaveURL(/sort=name/);
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("group").getByLabel("Created", { exact: true }).uncheck();
  await expect(page).toHaveURL(/cols=/);
  // The URL changes at once; the server's rows for it follow, and the table is busy until they have arrived.
  await expect(page.getByRole("table", { name: "Tenants" })).toHaveAttribute("aria-busy", "false");

  await expect(tableRows(page)).toHaveCount(3);
  const rows = await tableRows(page).allTextContents();
  const headers = await page.getByRole("table", { name: "Tenants" }).locator("thead th").allTextContents();
  expect(headers.join(" ")).not.toContain("Created");

  const { context: other, page: otherPage } = await openPage(browser, { storageState: storageState("support") });
  await otherPage.goto(page.url());
  await expect(tableRows(otherPage)).toHaveText(rows);
  expect(await otherPage.getByRole("table", { name: "Tenants" }).locator("thead th").allTextContents()).toEqual(
    headers,
  );
  await other.close();
});

test("[tenants] the CSV export holds exactly the filtered view, all pages", async ({ page }) => {
  await page.goto("/tenants?failing=yes&sort=pumpId&dir=asc&size=25");
  const listed = await tableRows(page).locator("td:first-child").allTextContents();
  expect(listed).toEqual(["PUMP-0045", "PUMP-0050"]);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).createReadStream();
  let csv = "";
  for await (const chunk of file) csv += chunk;
  const lines = csv.trim().split("\n");
  expect(lines[0]).toBe(
    "Pump ID,Name,AWS accounts,Onboarding states,Accounts failing verification,Open exceptions,Account manager,Last activity (UTC),Created (UTC)",
  );
  expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(listed);
});

test("[tenants] a filter that matches nothing says so", async ({ page }) => {
  await page.goto("/tenants?q=no-such-company-anywhere");
  await expect(page.getByText("No tenants match these filters.")).toBeVisible();
});
