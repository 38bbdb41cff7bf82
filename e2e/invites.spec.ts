import type { Page } from "@playwright/test";
import { expect, openPage, storageState, test } from "./fixtures";

// Seeded accounts changed here, and by no other spec: acme-sandbox (Acme, PUMP-0042, account 100000000001), Oscorp
// (PUMP-0055), Globex (PUMP-0043). All invite into Pump Main; the bulk spec owns Pump Europe and Initrode.
// The accepted invite goes to an Acme account on purpose: Acme already has a joined account, so the tenants list's
// "joined" filter (tenants-list.spec) keeps its count; a standalone tenant such as Tyrell would add a row there.

const SYNCING = "syncing with AWS now";

/**
 * Opens the Invites page and, when the server rendered it stale (it then syncs with AWS on open), waits for what a
 * person waits for: the "syncing" notice goes only once the sync is done and the page's rows are re-read.
 */
async function openInvites(page: Page, query = "") {
  const response = await page.goto(`/invites${query}`);
  if (!(await response!.text()).includes(SYNCING)) return;
  await expect(page.getByText(SYNCING)).toHaveCount(0, { timeout: 30_000 });
}

const inviteRow = (page: Page, accountId: string) =>
  page.getByRole("table", { name: "Invites" }).getByRole("row").filter({ hasText: accountId });

test.use({ storageState: storageState("support") });

test("[invites] support engineer preflights and invites a verified standalone account; the customer accepts (sandbox) and it shows joined", async ({
  page,
  browser,
}) => {
  await page.goto("/tenants/PUMP-0042");
  const card = page.locator("#account-100000000001");
  const panel = card.getByRole("region", { name: "Invite into a Pump organization" });
  // Acme has no default organization of its own: Pump's default is preselected.
  await expect(panel.getByLabel("Pump organization").locator("option:checked")).toHaveText(/^Pump Main/);
  await panel.getByRole("button", { name: "Run preflight" }).click();

  const checklist = panel.getByRole("list", { name: "Preflight checklist" });
  for (const check of [
    "Verified role",
    "Not already in a Pump organization",
    "No pending invite",
    "Account quota headroom",
    "Daily invitation limit",
    "Customer's current organization",
  ]) {
    await expect(checklist.getByRole("listitem").filter({ hasText: check })).toContainText("Pass");
  }
  await expect(checklist.getByText("Fail", { exact: true })).toHaveCount(0);
  await expect(panel.getByRole("group", { name: "Preflight verdict" })).toContainText("Ready to invite");

  await panel.getByLabel("Type 1000-0000-0001 to confirm").fill("1000-0000-0001");
  await panel.getByRole("button", { name: "Send invite into Pump Main" }).click();
  await expect(panel.getByText(/^Invitation sent/)).toBeVisible();
  await expect(card.getByText("Pending · OPEN")).toBeVisible();
  await expect(card.getByText(/1[45] d \d+ h left/)).toBeVisible();
  await expect(card.getByText("Invited", { exact: true })).toBeVisible();

  // The Invites page, filtered to what is pending (the filter lives in the URL).
  await openInvites(page);
  const filters = page.getByRole("search", { name: "Filters" });
  await filters.getByLabel("State").selectOption("pending");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/state=pending/);
  const row = inviteRow(page, "100000000001");
  await expect(row).toContainText("OPEN");
  await expect(row).toContainText("Acme Corp");
  await expect(row).toContainText("acme-sandbox");
  await expect(row).toContainText("Pump Main");
  await expect(row.getByRole("link", { name: /PUMP-0042/ })).toHaveAttribute("href", "/tenants/PUMP-0042");

  // The customer's side, as an admin in the sandbox.
  const { context: admin, page: adminPage } = await openPage(browser, { storageState: storageState("admin") });
  await openInvites(adminPage, "?state=pending");
  await inviteRow(adminPage, "100000000001")
    .getByRole("button", { name: /Customer accepts/ })
    .click();
  await expect(adminPage.getByText("The customer accepted in the sandbox; Pump synced the invitation.")).toBeVisible();
  await expect(inviteRow(adminPage, "100000000001")).toHaveCount(0);
  await openInvites(adminPage, "?state=ACCEPTED");
  await expect(inviteRow(adminPage, "100000000001")).toContainText("ACCEPTED");

  await adminPage.goto("/tenants/PUMP-0042");
  const joined = adminPage.locator("#account-100000000001");
  await expect(joined.getByText("Joined Pump Main")).toBeVisible();
  await expect(joined.getByText("Member of Pump organization Pump Main")).toBeVisible();
  await expect(joined.getByRole("region", { name: "Invite into a Pump organization" })).toHaveCount(0);

  // The send is in the audit log under the person who sent it.
  await adminPage.goto("/audit?action=invites.send&outcome=ok&actor=support@");
  await expect(
    adminPage.getByRole("table", { name: "Audit events" }).getByRole("cell", { name: "invites.send" }).first(),
  ).toBeVisible();
  await admin.close();
});

test("[invites] the preflight finds an account that runs its own organization: an exception is recorded and no invite goes out", async ({
  page,
}) => {
  await page.goto("/tenants/PUMP-0055");
  const card = page.locator("#account-100000000013");
  const panel = card.getByRole("region", { name: "Invite into a Pump organization" });
  await panel.getByRole("button", { name: "Run preflight" }).click();

  const verdict = panel.getByRole("group", { name: "Preflight verdict" });
  await expect(verdict).toContainText("Route to an exception");
  await expect(verdict).toContainText("Management account of another organization");
  await expect(panel.getByRole("listitem").filter({ hasText: "Customer's current organization" })).toContainText(
    "Fail",
  );
  await expect(panel.getByRole("button", { name: /Send invite/ })).toHaveCount(0);

  await panel.getByLabel("Type 1000-0000-0013 to confirm").fill("100000000013");
  await panel.getByRole("button", { name: "Record exception (no invite is sent)" }).click();
  await expect(panel.getByText("Exception recorded: no invitation was sent.")).toBeVisible();

  await page.reload();
  const box = page.locator("#account-100000000013").getByRole("note", { name: "Open exception" });
  await expect(box).toContainText("Open exception: Management account of another organization");
  await expect(box).toContainText("o-oscorp00001");
  await expect(
    page.locator("#account-100000000013").getByText("Management account of another organization (o-oscorp00001)"),
  ).toBeVisible();
  await expect(page.locator("#account-100000000013").getByText("Exception", { exact: true })).toBeVisible();

  await openInvites(page);
  await expect(page.getByRole("table", { name: "Invites" })).toBeVisible();
  await expect(inviteRow(page, "100000000013")).toHaveCount(0);
});

test("[invites] support engineer cancels an open invite that expires in under 3 days; a wrong confirmation changes nothing", async ({
  page,
  browser,
}) => {
  await page.goto("/tenants/PUMP-0043");
  const testId = await page
    .locator('#account-555566667777 [data-testid^="invite-"]')
    .first()
    .getAttribute("data-testid");
  const inviteId = testId!.replace("invite-", "");

  await openInvites(page, "?state=pending");
  const row = inviteRow(page, "555566667777");
  await expect(row).toContainText("Pending · OPEN");
  await expect(row.getByText(/\d+ h left · expires in under 3 days/)).toBeVisible();

  await row.getByRole("button", { name: "Cancel the invite for 5555-6666-7777" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel the invite for 5555-6666-7777?" });
  await dialog.getByLabel("Type 5555-6666-7777 to confirm").fill("1111-2222-3333");
  await dialog.getByRole("button", { name: "Cancel invite" }).click();
  await expect(dialog.getByText("Does not match the invited account.")).toBeVisible();
  await expect(dialog.getByRole("alert")).toHaveText("Type the account's 12-digit ID to confirm.");
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dialog).toBeHidden();

  await openInvites(page, "?state=pending");
  await expect(row).toContainText("Pending · OPEN");

  await row.getByRole("button", { name: "Cancel the invite for 5555-6666-7777" }).click();
  await dialog.getByLabel("Type 5555-6666-7777 to confirm").fill("555566667777");
  await dialog.getByRole("button", { name: "Cancel invite" }).click();
  await expect(page.getByText("Cancelled: AWS reports the invitation CANCELED.")).toBeVisible();
  await expect(row).toHaveCount(0);

  await openInvites(page, "?state=CANCELED");
  await expect(row).toContainText("CANCELED");
  await expect(row.getByRole("button", { name: /^Cancel/ })).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Resend the invite for 5555-6666-7777" })).toBeVisible();
  await page.goto("/tenants/PUMP-0043");
  await expect(page.locator(`[data-testid="invite-${inviteId}"]`).getByText("CANCELED", { exact: true })).toBeVisible();

  // Both attempts are audited: the refused one with its reason, then the cancellation.
  const { context: admin, page: adminPage } = await openPage(browser, { storageState: storageState("admin") });
  await adminPage.goto(`/audit?action=invites.cancel&targetId=${inviteId}`);
  const refused = adminPage.getByRole("table", { name: "Audit events" }).getByRole("row").filter({ hasText: "failed" });
  await expect(refused).toContainText("Type the account's 12-digit ID to confirm.");
  await adminPage.goto(`/audit?action=invites.cancel&outcome=ok&actor=support@`);
  await expect(
    adminPage.getByRole("table", { name: "Audit events" }).getByRole("cell", { name: "invites.cancel" }).first(),
  ).toBeVisible();
  await admin.close();
});
