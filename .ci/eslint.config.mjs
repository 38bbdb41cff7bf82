// ESLint (flat config). Lives in .ci/ because the fixed top level has no room for it; `npm run lint` points here.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";
import drizzle from "eslint-plugin-drizzle";

/**
 * The capabilities (lib/<name>/), lowest first, each with the capabilities it may import. Only ones listed before
 * it are accepted, so the order is a DAG and no two capabilities can ever need each other: when a lower one needs a
 * higher one, the higher one passes a function in (a seam). A new capability is one line here.
 */
const capabilities = [
  ["staff", []],
  ["tenants", []],
  ["invites", ["tenants"]],
  ["onboarding", ["tenants", "invites"]],
  ["search", ["tenants"]],
];

const known = new Set();
for (const [name, lower] of capabilities) {
  for (const dep of lower)
    if (!known.has(dep))
      throw new Error(`eslint config: capability "${name}" may only import capabilities listed before it`);
  known.add(name);
}

/**
 * Shared modules, which every layer may use: the files directly in lib/ (env, errors, request-id, regions, tone) and
 * these folders (table and format helpers, audit, auth).
 */
const sharedFolders = ["lib/table", "lib/format", "lib/audit", "lib/auth"];

const rule = "README › Architecture";
const edge = "{{from.file.path}} imports {{dependency.source}}";
/** A micromatch pattern matching any name but these (a one-item brace list does not expand). */
const not = (names) => (names.length === 1 ? `!${names[0]}` : `!{${names.join(",")}}`);

/** A policy refusing every dependency of `from` on a layer outside `allowed`. */
const only = (from, allowed, text) => ({
  from: { element: { types: { anyOf: [from].flat() } } },
  disallow: { to: { element: { types: { noneOf: allowed } } } },
  message: `${text} (${rule}): ${edge}`,
});

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
  {
    // The layer map (README › Architecture). Layers are folders (boundaries/elements); test code is a category of
    // files (boundaries/files), recognised in whichever layer it sits. Each error names the rule it enforces.
    plugins: { boundaries },
    settings: {
      // Dependencies are not parsed for cycles (pglite's bundle overflows the parser's stack).
      "import/ignore": ["node_modules"],
      "boundaries/legacy-templates": false,
      // Folders; the first descriptor that matches a file's folder decides its layer.
      "boundaries/elements": [
        { type: "e2e", pattern: "e2e", partialMatch: false },
        { type: "ci", pattern: ".ci/", partialMatch: false },
        { type: "app", pattern: "app", partialMatch: false },
        { type: "components", pattern: "components", partialMatch: false },
        { type: "db", pattern: "db", partialMatch: false },
        { type: "aws", pattern: "lib/aws", partialMatch: false },
        { type: "shared", pattern: sharedFolders, partialMatch: false },
        { type: "testing", pattern: "lib/testing", partialMatch: false },
        { type: "capability", pattern: "lib/*", partialMatch: false, capture: ["capability"] },
        // The files directly in lib/ (env.ts, errors.ts, request-id.ts, regions.ts, tone.ts).
        { type: "shared", pattern: "lib", partialMatch: false },
      ],
      // Files, whatever their folder.
      "boundaries/files": [
        { category: "test", pattern: "**/*.test.{ts,tsx}" },
        { category: "testing", pattern: ["**/testing/**", "lib/testing/**"] },
        { category: "db-client", pattern: "db/client.ts" },
        { category: "sandbox-world", pattern: "lib/aws/sandbox-world.ts" },
        { category: "queries", pattern: "lib/*/**/*queries.ts" },
        { category: "actions", pattern: "lib/*/**/*actions.ts" },
        // Every file has a category, so a `noneOf` selector also matches files in none of the above.
        { category: "source", pattern: "**/*" },
      ],
    },
    rules: {
      // Each layer lists what it may import; anything else is refused with the message naming its rule. The last
      // policy that matches a dependency decides.
      "boundaries/dependencies": [
        "error",
        {
          default: "allow",
          // Inside one folder too: a capability's own testing/ folder is as closed to its production files.
          checkInternals: true,
          policies: [
            only("app", ["app", "components", "shared", "aws", "capability", "db"], "app/ is routes over lib/"),
            {
              // A page hands the request's database handle to a lib/ query; the schema and SQL stay in lib/.
              from: { element: { type: "app" } },
              disallow: { to: { element: { type: "db" }, file: { categories: { noneOf: ["db-client"] } } } },
              message: `app/ imports only db/client from db/, the handle it passes to lib/ (${rule}): ${edge}`,
            },
            only("components", ["components", "shared", "capability"], "components/ never import db/ or app/"),
            {
              from: { element: { type: "components" } },
              disallow: { to: { file: { categories: { anyOf: ["queries", "actions"] } } } },
              message: `components/ never import a capability's queries or actions (${rule}): ${edge}`,
            },
            only("db", ["db", "shared"], "db/ imports no capability (the seed may use lib/aws/sandbox-world)"),
            {
              // The seed writes the sandbox's fixed AWS world.
              from: { element: { type: "db" } },
              allow: { to: { file: { categories: "sandbox-world" } } },
            },
            only("shared", ["shared", "db"], "lib/ shared modules import only db/ and each other"),
            only("aws", ["aws", "shared", "db"], "lib/aws imports db/ and shared modules only, no capability"),
            only(
              "capability",
              ["capability", "shared", "aws", "db"],
              "A capability never imports app/, components/ or e2e/",
            ),
            ...capabilities.map(([name, lower]) => ({
              from: { element: { type: "capability", captured: { capability: name } } },
              disallow: {
                to: { element: { type: "capability", captured: { capability: not([name, ...lower]) } } },
              },
              message: `lib/${name} may import ${lower.length ? lower.map((c) => `lib/${c}`).join(", ") : "no other capability"}: capabilities depend one way, in the order of .ci/eslint.config.mjs (${rule}): ${edge}`,
            })),
            {
              from: { element: { types: { noneOf: ["testing", "e2e", "ci"] } } },
              disallow: { to: { file: { categories: { anyOf: ["test", "testing"] } } } },
              message: `Test code is imported only by tests, testing/ folders, e2e/ and .ci/ (${rule}): ${edge}`,
            },
            {
              // Tests, test kits, e2e specs and the CI configs may use any layer, test code included.
              from: [
                { file: { categories: { anyOf: ["test", "testing"] } } },
                { element: { types: { anyOf: ["testing", "e2e", "ci"] } } },
              ],
              allow: { to: { element: { types: { anyOf: ["*"] } } } },
            },
          ],
        },
      ],
      // File-level cycles, inside a layer too (the boundaries rule sees only the layers).
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
]);
