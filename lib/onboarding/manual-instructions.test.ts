import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliSteps, shellQuote } from "./manual-cli-steps";
import { consoleSteps } from "./manual-console-steps";
import { instructionsMarkdown, manualInstructions, type ManualInstructionsInput } from "./manual-instructions";
import { hclString, terraformSnippet } from "./manual-terraform";
import { PolicyInputError, ROLE_NAMES, permissionsPolicy, trustPolicy } from "./policies";

const input: ManualInstructionsInput = {
  accountId: "444455556666",
  roleType: "autopilot",
  externalId: "pump-MVP2bpGejuaKNt51oO1SylCC7-_na4SA",
  pumpPrincipalArn: "arn:aws:iam::222233334444:role/PumpConsoleOperator",
  roleName: ROLE_NAMES.autopilot,
};
const trust = trustPolicy(input);
const permissions = permissionsPolicy("autopilot");

describe("IAM console steps", () => {
  const steps = consoleSteps(input);
  const text = steps.map((s) => `${s.title} ${s.text} ${s.code?.code ?? ""}`).join("\n");

  it("walk the wizard with the real values", () => {
    expect(steps.map((s) => s.title)).toEqual([
      "Open IAM",
      "Create a role",
      "Trust Pump's account",
      "Require the External ID",
      "Skip the permissions page",
      "Name the role",
      "Narrow the trust to Pump's role",
      "Add the permissions",
      "Send Pump the role ARN",
    ]);
    expect(text).toContain("account 4444-5555-6666");
    expect(text).toContain("Another AWS account and enter the account ID 222233334444");
    expect(text).toContain("Require external ID");
    expect(steps[3]!.code!.code).toBe(input.externalId);
    expect(steps[5]!.code!.code).toBe("PumpAutopilotRole");
    expect(JSON.parse(steps[6]!.code!.code)).toEqual(trust);
    expect(JSON.parse(steps[7]!.code!.code)).toEqual(permissions);
    expect(text).toContain("PumpAutopilotAccess");
    expect(steps[8]!.code!.code).toBe("arn:aws:iam::444455556666:role/PumpAutopilotRole");
  });
});

describe("AWS CLI commands", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pump-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Runs the commands in a real bash, with `aws` replaced by a function that records its arguments one per line
  // and answers get-caller-identity with `account`.
  function run(code: string, account = input.accountId) {
    const stub = `aws() { printf '%s\\n' "$@" '--' >> calls.txt; if [ "$1" = sts ]; then echo ${account}; fi; }`;
    return execFileSync("bash", ["-euc", `${stub}\n${code}`], { cwd: dir, encoding: "utf8" });
  }

  it("write exactly the trust and permissions policies, and pass the values as single arguments", () => {
    const steps = cliSteps(input);
    const out = steps.map((s) => run(s.code!.code)).join("");
    expect(out.split("\n")[0]).toBe("OK");
    expect(JSON.parse(readFileSync(path.join(dir, "trust-policy.json"), "utf8"))).toEqual(trust);
    expect(JSON.parse(readFileSync(path.join(dir, "permissions.json"), "utf8"))).toEqual(permissions);
    const calls = readFileSync(path.join(dir, "calls.txt"), "utf8")
      .split("--\n")
      .map((c) => c.trimEnd().split("\n"));
    expect(calls).toContainEqual([
      "iam",
      "create-role",
      "--role-name",
      "PumpAutopilotRole",
      "--description",
      "Pump autopilot access (deployed manually)",
      "--max-session-duration",
      "3600",
      "--assume-role-policy-document",
      "file://trust-policy.json",
    ]);
    expect(calls).toContainEqual([
      "iam",
      "put-role-policy",
      "--role-name",
      "PumpAutopilotRole",
      "--policy-name",
      "PumpAutopilotAccess",
      "--policy-document",
      "file://permissions.json",
    ]);
    expect(calls).toContainEqual([
      "iam",
      "get-role",
      "--role-name",
      "PumpAutopilotRole",
      "--query",
      "Role.Arn",
      "--output",
      "text",
    ]);
  });

  it("say STOP in the wrong account", () => {
    expect(run(cliSteps(input)[0]!.code!.code, "999999999999")).toMatch(/^STOP/);
  });

  it("quote every value for the shell", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(run(`printf '%s' ${shellQuote('a\'b $(id) `x` "c"')}`)).toBe('a\'b $(id) `x` "c"');
  });
});

describe("Terraform snippet", () => {
  const tf = terraformSnippet(input);

  it("declares the role, its inline policy, an account guard and the ARN output", () => {
    expect(tf).toContain('resource "aws_iam_role" "pump"');
    expect(tf).toContain('name                 = "PumpAutopilotRole"');
    expect(tf).toContain("assume_role_policy   = jsonencode({");
    expect(tf).toContain('resource "aws_iam_role_policy" "pump"');
    expect(tf).toContain("role   = aws_iam_role.pump.id");
    expect(tf).toContain('condition     = data.aws_caller_identity.current.account_id == "444455556666"');
    expect(tf).toContain('"sts:ExternalId" = "pump-MVP2bpGejuaKNt51oO1SylCC7-_na4SA"');
    expect(tf).toContain('AWS = "arn:aws:iam::222233334444:role/PumpConsoleOperator"');
    expect(tf).toContain('"ec2:PurchaseReservedInstancesOffering",');
    expect(tf).toContain('output "pump_role_arn"');
  });

  it("balances its braces and brackets", () => {
    const count = (c: string) => tf.split(c).length - 1;
    expect(count("{")).toBe(count("}"));
    expect(count("[")).toBe(count("]"));
    expect(count("(")).toBe(count(")"));
  });

  it("escapes HCL template sequences in strings", () => {
    expect(hclString('a"b\\c ${x} %{y}')).toBe('"a\\"b\\\\c $${x} %%{y}"');
  });
});

describe("Markdown", () => {
  const md = instructionsMarkdown(input);

  it("holds the summary and the three ways, each code block fenced", () => {
    expect(md).toMatch(/^# Autopilot Pump role for AWS account 4444-5555-6666: manual deployment/);
    expect(md).toContain(`| External ID | \`${input.externalId}\` |`);
    expect(md).toContain("## Option 1: IAM console");
    expect(md).toContain("## Option 2: AWS CLI in CloudShell");
    expect(md).toContain("## Option 3: Terraform");
    expect(md).toContain("   ```json");
    expect(md).toContain("   ```hcl");
    expect((md.match(/```/g) ?? []).length % 2).toBe(0);
  });

  it("is what manualInstructions hands the page", () => {
    const all = manualInstructions(input);
    expect(all.markdown).toBe(md);
    expect(all.roleArn).toBe("arn:aws:iam::444455556666:role/PumpAutopilotRole");
    expect(all.sections.map((s) => s.id)).toEqual(["console", "cli", "terraform"]);
  });
});

describe("hostile values", () => {
  // What could break out of a single-quoted shell word, a heredoc, an HCL or JSON string, or a Markdown fence.
  const payloads = [
    "'",
    '"',
    "`",
    "$(id)",
    "${HOME}",
    "%{x}",
    "\\",
    ";",
    "|",
    "&",
    "\n",
    "\r",
    " ",
    "\t",
    "\u0000",
    "#",
    "*",
    "?",
    "<",
    ">",
    "!",
    "~",
    "ünï",
    "\u202e",
  ];
  const generators = { consoleSteps, cliSteps, terraformSnippet, instructionsMarkdown, manualInstructions };
  const fields = ["accountId", "externalId", "pumpPrincipalArn", "roleName", "roleType"] as const;

  it.each(fields)("every generator refuses a %s carrying any of them", (field) => {
    for (const payload of payloads) {
      const values = [`${input[field]}${payload}`, `${payload}${input[field]}`, payload];
      for (const value of values) {
        for (const [name, generate] of Object.entries(generators)) {
          expect(() => generate({ ...input, [field]: value }), `${name} ${field}=${JSON.stringify(value)}`).toThrow(
            PolicyInputError,
          );
        }
      }
    }
  });

  // The heredoc's delimiter is made of allowed characters; as a value it sits inside a JSON string, never alone on
  // a line, so it cannot close the heredoc early.
  it("keeps the heredoc closed when the External ID is its delimiter", () => {
    const steps = cliSteps({ ...input, externalId: "PUMP_POLICY_JSON" });
    const heredoc = steps[1]!.code!.code.split("\n");
    expect(heredoc.filter((l) => l === "PUMP_POLICY_JSON")).toHaveLength(1);
    expect(heredoc.at(-1)).toBe("PUMP_POLICY_JSON");
  });

  it("refuses random strings outside the charsets (seeded, 2,000 tries)", () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = "aZ09_+=,.@:/-'\"`$(){}%;|&\\\n \t#*?<>!~\u00e9\u202e";
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      const value = Array.from(
        { length: 2 + Math.floor(next() * 12) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join("");
      const ok = /^[\w+=,.@:/-]{2,1224}$/.test(value);
      const attempt = () => manualInstructions({ ...input, externalId: value });
      if (ok) expect(attempt).not.toThrow();
      else {
        expect(attempt, JSON.stringify(value)).toThrow(PolicyInputError);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(1000);
  });
});
