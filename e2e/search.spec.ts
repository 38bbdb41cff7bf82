import type { Page } from "@playwright/test";
import { expect, hydrated, storageState, test } from "./fixtures";

test.use({ storageState: storageState("support") });

function searchDialog(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Global search" });
  return { dialog, box: dialog.getByRole("combobox", { name: "Search" }), results: dialog.getByRole("listbox") };
}

test("[search] support engineer pastes a role ARN in ⌘K and lands on the tenant", async ({ page }) => {
  await page.goto("/tenants");
  await page.keyboard.press("Control+K");
  const { dialog, box, results } = searchDialog(page);
  await expect(dialog).toBeVisible();
  await expect(box).toBeFocused();

  // A paste arrives as one input event.
  await page.keyboard.insertText("arn:aws:sts::444455556666:assumed-role/PumpCustomerAccess/someone");
  const acme = results.getByRole("option", { name: /Acme Corp/ });
  await expect(acme).toBeVisible();
  await expect(acme).toContainText("PUMP-0042");
  await expect(acme).toContainText("Matched: role ARN");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await acme.getAttribute("id"))!);

  await box.press("Enter");
  await expect(page).toHaveURL(/\/tenants\/PUMP-0042#account-444455556666$/);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
});

test("[search] support engineer finds a company by a typo'd name", async ({ page }) => {
  await page.goto("/tenants");
  await page.keyboard.press("Control+K");
  const { box, results } = searchDialog(page);
  await box.fill("Globx");
  const first = results.getByRole("option").first();
  await expect(first).toContainText("Globex Corporation");
  await expect(first).toContainText("Matched: name (similar)");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/tenants\/PUMP-0043$/);
});

test("[search] support engineer finds an account by its ID written with dashes, from the header box", async ({
  page,
}) => {
  await page.goto("/tenants");
  await page.getByRole("button", { name: "Search tenants, accounts, ARNs…" }).click();
  const { box, results } = searchDialog(page);
  await expect(box).toBeFocused();
  await box.fill("4444-5555-6666");
  const option = results.getByRole("option", { name: /Acme Corp/ });
  await expect(option).toContainText("Matched: account ID 444455556666");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/tenants\/PUMP-0042#account-444455556666$/);
});

test("[search] arrows move through the results, an unknown value says so, and Esc closes", async ({ page }) => {
  await page.goto("/tenants");
  await page.keyboard.press("Control+K");
  const { dialog, box, results } = searchDialog(page);
  await box.fill("corporation");
  const options = results.getByRole("option");
  await expect(options.nth(1)).toBeVisible();
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await box.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id"))!);
  await box.press("ArrowUp");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");

  await box.fill("o-nosuchorg000");
  await expect(dialog.getByRole("status")).toHaveText("Nothing matches “o-nosuchorg000”.");
  await expect(options).toHaveCount(0);
  await expect(box).toHaveAttribute("aria-expanded", "false");

  await box.fill("");
  await expect(options).toHaveCount(0);
  await box.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/tenants$/);
});

/**
 * Holds the page's JavaScript until `release` is called: whatever the test does before that happens on a page that
 * React has not hydrated, every time, however fast or slow the machine.
 */
async function holdScripts(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/**/*.js", async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test("[search] ⌘K pressed while the page is still loading opens the search, and what was typed is searched", async ({
  page,
}) => {
  const release = await holdScripts(page);
  await page.goto("/tenants", { waitUntil: "domcontentloaded" });
  await page.keyboard.press("Control+K");
  const { dialog, box, results } = searchDialog(page);
  await expect(dialog).toBeVisible();
  await expect(box).toBeFocused();
  await page.keyboard.type("Globx");
  expect(await page.evaluate(() => document.documentElement.dataset.hydrated)).toBeUndefined();

  release();
  const first = results.getByRole("option").first();
  await expect(first).toContainText("Globex Corporation");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/tenants\/PUMP-0043$/);
});

test("[search] the header box opens the search while the page is still loading", async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto("/tenants", { waitUntil: "domcontentloaded" });
  await page.getByRole("button", { name: "Search tenants, accounts, ARNs…" }).click();
  const { dialog, box, results } = searchDialog(page);
  await expect(dialog).toBeVisible();
  await expect(box).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.dataset.hydrated)).toBeUndefined();

  release();
  await hydrated(page);
  await page.keyboard.type("4444-5555-6666");
  await expect(results.getByRole("option", { name: /Acme Corp/ })).toContainText("Matched: account ID 444455556666");
});

/** The account card the page landed on: marked current, scrolled into view, its "Selected account" label focused. */
async function expectLandedOn(page: Page, accountId: string) {
  const card = page.locator(`#account-${accountId}`);
  await expect(card).toHaveAttribute("aria-current", "true");
  await expect(page.locator("section[aria-current]")).toHaveCount(1);
  const marker = card.getByText("Selected account");
  await expect(marker).toBeVisible();
  await expect(marker).toBeFocused();
  await expect(card.getByRole("heading", { level: 3 })).toBeInViewport();
  return card;
}

test("[search] a truncated ARN pasted in ⌘K lands on that account of a 30-account tenant, highlighted, one Tab from Verify", async ({
  page,
}) => {
  await page.goto("/tenants");
  await page.keyboard.press("Control+K");
  const { dialog, box, results } = searchDialog(page);
  await expect(box).toBeFocused();
  // As tickets carry them: cut short with an ellipsis. Account 20 of Initrode's 30, far down the page.
  await page.keyboard.insertText("arn:aws:iam::610000000020:role/…");
  const option = results.getByRole("option", { name: /Initrode Holdings/ });
  await expect(option).toContainText("Matched: account ID 610000000020 (from ARN)");
  await box.press("Enter");

  await expect(page).toHaveURL(/\/tenants\/PUMP-0054#account-610000000020$/);
  await expect(dialog).toBeHidden();
  const card = await expectLandedOn(page, "610000000020");
  await expect(card.getByRole("heading", { level: 3 })).toContainText("6100-0000-0020");
  // The first account's ARN, which the engineer used to see first, is out of view.
  await expect(page.locator("#account-610000000001").getByTestId("role-arn")).not.toBeInViewport();

  await page.keyboard.press("Tab");
  await expect(card.getByRole("button", { name: "Verify role of account 6100-0000-0020" })).toBeFocused();
});

test("[search] a pasted link with an account hash lands on that account; choosing another from ⌘K moves there", async ({
  page,
}) => {
  await page.goto("/tenants/PUMP-0054#account-610000000027");
  const card = await expectLandedOn(page, "610000000027");
  await page.keyboard.press("Tab");
  await expect(card.getByRole("button", { name: /Verify role of account 6100-0000-0027/ })).toBeFocused();

  // Same page, another account, found by its AWS account name: only the hash changes.
  await page.keyboard.press("Control+K");
  const { box, results } = searchDialog(page);
  await box.fill("initrode-03");
  await expect(results.getByRole("option").first()).toContainText("Matched: account name initrode-03");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/tenants\/PUMP-0054#account-610000000003$/);
  await expectLandedOn(page, "610000000003");
  await expect(card).not.toHaveAttribute("aria-current");
});

test("[search] a contact's name finds the tenant, and a malformed ARN says what was understood", async ({ page }) => {
  await page.goto("/tenants");
  await page.keyboard.press("Control+K");
  const { dialog, box, results } = searchDialog(page);
  await box.fill("Peter Gibbons");
  await expect(results.getByRole("option").first()).toContainText("Matched: contact Peter Gibbons");
  await expect(results.getByRole("option").first()).toContainText("Initrode Holdings");

  await box.fill("arn:aws:iam::4444555566:role/PumpCustomerAccess");
  await expect(dialog.getByRole("status")).toHaveText(
    "This looks like an ARN, but its account ID “4444555566” is not 12 digits.",
  );
  await box.fill("arn:aws:iam::123412341234:role/…");
  await expect(dialog.getByRole("status")).toHaveText("Read as an ARN for account 1234-1234-1234; no tenant has it.");
  await expect(results.getByRole("option")).toHaveCount(0);
});
