// ESLint (flat config). Lives in .ci/ because the fixed top level has no room for it; `npm run lint` points here.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    "node_modules/**",
    ".next/**",
    ".data/**",
    "next-env.d.ts",
    "e2e/test-results/**",
    "e2e/report/**",
    "public/**",
  ]),
  {
    plugins: { drizzle },
    rules: {
      // A delete or update without a where clause would wipe a table.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through getEnv() in lib/env.ts." },
      ],
    },
  },
  {
    // The env module, the build/test configs and the e2e harness are where process.env may be read.
    files: ["lib/env.ts", "**/*.config.ts", "**/*.config.mjs", "e2e/**"],
    rules: { "no-restricted-properties": "off" },
  },
]);
