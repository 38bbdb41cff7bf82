import { expect, storageState, test } from "./fixtures";

test.use({ storageState: storageState("support") });

test("[onboarding] support engineer issues a link, the customer deploys it (sandbox), and the role shows verified", async ({
  page,
}) => {
  await page.goto("/tenants/PUMP-0046");
  const form = page.getByRole("form", { name: "Issue onboarding link" });
  await form.getByLabel("AWS account ID (optional)").fill("3200-0000-0001");
  await form.getByLabel("Role type").selectOption("read_only");
  await form.getByLabel("Region").selectOption("us-east-1");
  await form.getByRole("button", { name: "Issue link" }).click();
  const link = form.getByTestId("onboarding-link");
  await expect(link).toContainText(
    "https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/",
  );
  await expect(link).toContainText("param_PumpId=PUMP-0046");

  await page.reload();
  const simulate = page.getByRole("form", { name: "Simulate customer deployment" }).first();
  await simulate.getByRole("button", { name: "Simulate customer deployment" }).click();

  // The callback is processed after SNS (here: the sandbox) has its answer; the page shows it on the next load.
  const card = page.locator("#account-320000000001");
  await expect(async () => {
    await page.reload();
    await expect(card.getByTestId("role-arn")).toHaveText("arn:aws:iam::320000000001:role/PumpReadOnlyRole", {
      timeout: 1000,
    });
    await expect(card.getByText("Verified", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(
    page.getByRole("table", { name: "Onboarding links" }).getByText("verified", { exact: true }).first(),
  ).toBeVisible();
});

test("[onboarding] support engineer verifies a role on demand; an unprotected role is flagged, never verified", async ({
  page,
}) => {
  await page.goto("/tenants/PUMP-0042");
  const acme = page.locator("#account-444455556666");
  await acme.getByRole("button", { name: /Verify role/ }).click();
  await expect(acme.getByText("Checked: verified")).toBeVisible();

  await page.goto("/tenants/PUMP-0045");
  const umbrella = page.locator("#account-777788889999");
  await umbrella.getByRole("button", { name: /Verify role/ }).click();
  await expect(umbrella.getByText("Checked: unprotected")).toBeVisible();
  await page.reload();
  await expect(umbrella.getByText(/WITHOUT the External ID/)).toBeVisible();
});
