import { test as setup } from "@playwright/test";
import { emailFor, roles, signInAndWait, storageState } from "./fixtures";

for (const role of roles) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signInAndWait(page, emailFor[role]);
    await page.context().storageState({ path: storageState(role) });
  });
}
