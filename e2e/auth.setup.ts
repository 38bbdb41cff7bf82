import { emailFor, roles, signInAndWait, storageState, test as setup } from "./fixtures";

for (const role of roles) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signInAndWait(page, emailFor[role]);
    await page.context().storageState({ path: storageState(role) });
  });
}
