import { defineConfig } from "@playwright/test";
import path from "node:path";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const root = path.resolve(import.meta.dirname, "..");

/**
 * E2E against the production build (`npm run build` first) on a fresh embedded database, in Debian's Chromium.
 * NODE_ENV=test keeps the local sign-in available; it is refused with NODE_ENV=production.
 */
export default defineConfig({
  testDir: ".",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // The machine's network is closed: without these, Chromium keeps trying to reach Google's hosts.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "e2e", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
  webServer: {
    command: `rm -rf .data/e2e && npx tsx --conditions=react-server db/seed.ts && npx next start -p ${port}`,
    cwd: root,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "test",
      DATABASE_URL: "file:.data/e2e",
      NEXTAUTH_URL: baseURL,
      AWS_MODE: "sandbox",
    },
  },
});
