import { expect, hydrated, storageState, test } from "./fixtures";

test.use({ storageState: storageState("support") });

test("[onboarding] support engineer sends manual instructions and records the role ARN the customer returns", async ({
  page,
}) => {
  await page.goto("/tenants/PUMP-0043");
  await page
    .getByRole("link", { name: /Manual deployment instructions/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/tenants\/PUMP-0043\/accounts\/555566667777\/manual$/);
  await hydrated(page);
  // The real values, ready to paste: the External ID appears in the commands (this view is audited).
  await expect(page.getByText("pump-xGa5oX8MuH5m8HJGMUbLFXDTzf9HkZDY").first()).toBeVisible();

  const form = page.getByRole("form", { name: "Record role ARN" });
  await form.getByLabel("Role ARN the customer sent").fill("arn:aws:iam::444455556666:role/PumpCustomerAccess");
  await form.getByRole("button", { name: "Record and verify" }).click();
  await expect(form.getByText(/this role must be in 555566667777/)).toBeVisible();

  await form.getByLabel("Role ARN the customer sent").fill("arn:aws:iam::555566667777:role/PumpCustomerAccess");
  await form.getByRole("button", { name: "Record and verify" }).click();
  await expect(form.getByText(/Recorded and verified/)).toBeVisible();

  await page.goto("/tenants/PUMP-0043");
  const card = page.locator("#account-555566667777");
  await expect(card.getByText("Manual", { exact: true })).toBeVisible();
  await expect(card.getByText("Verified", { exact: true })).toBeVisible();
});
