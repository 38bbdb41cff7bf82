import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { seedEmailByRole } from "../db/seed-data";
import { roles, type Role } from "../lib/auth/permissions";

export { roles, type Role };
export const emailFor = seedEmailByRole;

export const storageState = (role: Role) => path.join(import.meta.dirname, ".auth", `${role}.json`);

export async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Staff member").selectOption(email);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAndWait(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByTestId("current-role")).toBeVisible();
}

type ManifestEntry = { filename: string; exportedName: string };

/** Every server action in the production build, from Next's own manifest: `file#export` → action id. */
export function serverActions(): Map<string, string> {
  const file = path.join(import.meta.dirname, "..", ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  return new Map(Object.entries(manifest.node).map(([id, e]) => [`${e.filename}#${e.exportedName}`, id]));
}

/** Calls a server action the way a hand-crafted POST would: no form, no page, just the action id and arguments. */
export async function postAction(
  request: APIRequestContext,
  id: string,
  args: unknown[],
  headers: Record<string, string> = {},
) {
  const response = await request.post("/staff", {
    headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", ...headers },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}
