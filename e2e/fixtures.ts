import {
  test as base,
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContextOptions,
  type Page,
  type Response,
} from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { seedEmailByRole } from "../db/seed-data";
import { roles, type Role } from "../lib/auth/permissions";

export { roles, type Role };
export const emailFor = seedEmailByRole;

export const storageState = (role: Role) => path.join(import.meta.dirname, ".auth", `${role}.json`);

/**
 * Waits until the page answers clicks and keys. A click or key press that lands before hydration is lost (the ⌘K
 * flake of issue 9), so nothing acts on a freshly loaded document before this. Two steps: the root layout's
 * HydrationMarker sets `data-hydrated` when React commits the root; but React hydrates each Suspense boundary (every
 * loading.tsx) in a later pass of its own (measured: 300 elements of /tenants still unclaimed when the marker is set
 * on a throttled CPU), so it then waits until React has claimed every element the server rendered. React keeps its
 * fiber on each element it owns; skipped are the elements React never renders (scripts, Next's route announcer) and
 * the hidden `$ACTION…` inputs React's server renderer adds to server-action forms for use without JavaScript.
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    if (document.documentElement.dataset.hydrated !== "true") return false;
    const notReacts = new Set(["script", "template", "style", "link", "next-route-announcer"]);
    const isActionInput = (el: Element) =>
      el instanceof HTMLInputElement && el.type === "hidden" && el.name.startsWith("$ACTION");
    return [...document.body.querySelectorAll("*")].every(
      (el) =>
        notReacts.has(el.localName) ||
        isActionInput(el) ||
        Object.keys(el).some((key) => key.startsWith("__reactFiber$")),
    );
  });
}

const isDocument = (response: Response | null) =>
  response === null || (response.headers()["content-type"] ?? "").startsWith("text/html");

type WaitUntil = "load" | "domcontentloaded" | "networkidle" | "commit";
/** A caller that asks for an earlier point than `load` means to act on a page still loading (search.spec does). */
const waitsForLoad = (waitUntil: WaitUntil = "load") => waitUntil === "load" || waitUntil === "networkidle";

/** `goto` and `reload` return once the new document is hydrated (a CSV or JSON response is returned as it is). */
function readyAfterNavigation(page: Page): Page {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    if (waitsForLoad(options?.waitUntil) && isDocument(response)) await hydrated(page);
    return response;
  };
  page.reload = async (options) => {
    const response = await reload(options);
    if (waitsForLoad(options?.waitUntil) && isDocument(response)) await hydrated(page);
    return response;
  };
  return page;
}

/** Every spec imports `test` from here: its `page` waits for hydration after each `goto` and `reload`. */
export const test = base.extend({
  page: async ({ page }, provide) => {
    await provide(readyAfterNavigation(page));
  },
});
export { expect };

/** A second browser (another person, or a fresh context) whose page waits for hydration the same way. */
export async function openPage(browser: Browser, options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  return { context, page: readyAfterNavigation(await context.newPage()) };
}

export async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Staff member").selectOption(email);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAndWait(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByTestId("current-role")).toBeVisible();
  await hydrated(page);
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
