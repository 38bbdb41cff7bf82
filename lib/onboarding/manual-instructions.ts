import { formatAccountId } from "@/lib/tenants/aws-ids";
import {
  MAX_SESSION_SECONDS,
  POLICY_NAMES,
  assertAccountId,
  assertPumpPrincipalArn,
  assertRoleName,
  assertRoleType,
  permissionsPolicy,
  trustPolicy,
  type PolicyDocument,
  type RoleType,
} from "./policies";

/**
 * Manual deployment of Pump's role, for customers who cannot use CloudFormation: IAM console steps, AWS CLI
 * commands for CloudShell, a Terraform snippet, and all of it as Markdown for a ticket. Pure.
 *
 * Shell/HCL/Markdown safety: every value is checked against AWS's pattern (or Pump's stricter one) before it is
 * written anywhere, and then quoted for its target anyway. None of the allowed characters can end a quoted
 * string, start an expansion or close a code fence; the tests feed hostile values to prove the refusals.
 */

export type ManualInstructionsInput = {
  accountId: string;
  roleType: RoleType;
  externalId: string;
  pumpPrincipalArn: string;
  roleName: string;
};

export type CodeBlock = { label: string; language: "text" | "json" | "bash" | "hcl"; code: string };
export type ManualStep = { title: string; text: string; code?: CodeBlock };
export type ManualSection = { id: "console" | "cli" | "terraform"; title: string; intro: string; steps: ManualStep[] };
export type ManualInstructions = {
  roleArn: string;
  summary: { label: string; value: string }[];
  sections: ManualSection[];
  markdown: string;
};

type Checked = ManualInstructionsInput & {
  trust: PolicyDocument;
  permissions: PolicyDocument;
  policyName: string;
  roleArn: string;
  pumpAccountId: string;
};

/** Validates every value (throws PolicyInputError naming the field) and derives what the generators share. */
export function checkManualInput(input: ManualInstructionsInput): Checked {
  const accountId = assertAccountId(input.accountId);
  const roleType = assertRoleType(input.roleType);
  const roleName = assertRoleName(input.roleName);
  const pumpPrincipalArn = assertPumpPrincipalArn(input.pumpPrincipalArn);
  const trust = trustPolicy({ pumpPrincipalArn, externalId: input.externalId });
  return {
    accountId,
    roleType,
    roleName,
    pumpPrincipalArn,
    externalId: input.externalId,
    trust,
    permissions: permissionsPolicy(roleType),
    policyName: POLICY_NAMES[roleType],
    roleArn: `arn:aws:iam::${accountId}:role/${roleName}`,
    pumpAccountId: pumpPrincipalArn.slice("arn:aws:iam::".length, "arn:aws:iam::".length + 12),
  };
}

// Every exported generator checks its input itself: none can be handed an unchecked value.
const checked = checkManualInput;

const TYPE_LABEL = { read_only: "Read-only", autopilot: "Autopilot" } as const;
const description = (t: RoleType) => `Pump ${TYPE_LABEL[t].toLowerCase()} access (deployed manually)`;
const json = (doc: unknown) => JSON.stringify(doc, null, 2);

/** POSIX single quotes; a `'` inside (none passes validation) would be closed, escaped and reopened. */
export const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** (a) The IAM console, click by click. */
export function consoleSteps(input: ManualInstructionsInput): ManualStep[] {
  const v = checked(input);
  const account = formatAccountId(v.accountId);
  return [
    {
      title: "Open IAM",
      text: `Sign in to the AWS Management Console of account ${account} as someone allowed to create IAM roles, and open IAM (https://console.aws.amazon.com/iam/).`,
    },
    { title: "Create a role", text: "In the navigation pane choose Roles, then Create role." },
    {
      title: "Trust Pump's account",
      text: `Trusted entity type: AWS account. Under An AWS account choose Another AWS account and enter the account ID ${v.pumpAccountId} (Pump).`,
      code: { label: "Pump's account ID", language: "text", code: v.pumpAccountId },
    },
    {
      title: "Require the External ID",
      text: "Under Options tick Require external ID and paste the value below exactly. Leave Require MFA unticked: Pump's automation cannot answer an MFA prompt. Choose Next.",
      code: { label: "External ID", language: "text", code: v.externalId },
    },
    {
      title: "Skip the permissions page",
      text: "On Add permissions select nothing and choose Next: the permissions are added as an inline policy below.",
    },
    {
      title: "Name the role",
      text: `Role name: ${v.roleName}. Description: ${description(v.roleType)}. Choose Create role.`,
      code: { label: "Role name", language: "text", code: v.roleName },
    },
    {
      title: "Narrow the trust to Pump's role",
      text: "Open the new role, tab Trust relationships, Edit trust policy. Replace the whole document with this one and choose Update policy. (The wizard trusts every principal of Pump's account; this trusts only Pump's operator role, and still only with the External ID.)",
      code: { label: "Trust policy", language: "json", code: json(v.trust) },
    },
    {
      title: "Add the permissions",
      text: `Tab Permissions, Add permissions, Create inline policy, JSON. Replace the editor's content with this policy, choose Next, name it ${v.policyName} and choose Create policy.`,
      code: { label: "Permissions policy", language: "json", code: json(v.permissions) },
    },
    {
      title: "Send Pump the role ARN",
      text: "Copy the ARN from the role's Summary and send it to Pump. It must read exactly:",
      code: { label: "Role ARN", language: "text", code: v.roleArn },
    },
  ];
}

const DELIMITER = "PUMP_POLICY_JSON";

function heredoc(file: string, body: string) {
  // A quoted delimiter: the shell expands nothing inside. The body (JSON) never has a line equal to it.
  if (body.split("\n").includes(DELIMITER)) throw new Error("heredoc body contains its delimiter");
  return `cat > ${file} <<'${DELIMITER}'\n${body}\n${DELIMITER}`;
}

/** (b) AWS CLI commands, runnable as they are in AWS CloudShell (bash). */
export function cliSteps(input: ManualInstructionsInput): ManualStep[] {
  const v = checked(input);
  const role = shellQuote(v.roleName);
  const account = shellQuote(v.accountId);
  return [
    {
      title: "Check the account",
      text: `Open AWS CloudShell while signed in to account ${formatAccountId(v.accountId)} and run this; it must print OK.`,
      code: {
        label: "Account check",
        language: "bash",
        code: `if [ "$(aws sts get-caller-identity --query Account --output text)" = ${account} ]; then echo OK; else echo "STOP: this shell is not in account ${v.accountId}"; fi`,
      },
    },
    {
      title: "Write the trust policy",
      text: "Creates trust-policy.json in the current folder.",
      code: { label: "trust-policy.json", language: "bash", code: heredoc("trust-policy.json", json(v.trust)) },
    },
    {
      title: "Write the permissions",
      text: "Creates permissions.json in the current folder.",
      code: { label: "permissions.json", language: "bash", code: heredoc("permissions.json", json(v.permissions)) },
    },
    {
      title: "Create the role",
      text: "Creates the role with the trust policy.",
      code: {
        label: "Create role",
        language: "bash",
        code: [
          "aws iam create-role \\",
          `  --role-name ${role} \\`,
          `  --description ${shellQuote(description(v.roleType))} \\`,
          `  --max-session-duration ${MAX_SESSION_SECONDS} \\`,
          "  --assume-role-policy-document file://trust-policy.json",
        ].join("\n"),
      },
    },
    {
      title: "Attach the permissions",
      text: "Adds the permissions as an inline policy.",
      code: {
        label: "Put role policy",
        language: "bash",
        code: `aws iam put-role-policy --role-name ${role} --policy-name ${shellQuote(v.policyName)} --policy-document file://permissions.json`,
      },
    },
    {
      title: "Send Pump the role ARN",
      text: `Prints the ARN to send to Pump; it must be ${v.roleArn}.`,
      code: {
        label: "Get role ARN",
        language: "bash",
        code: `aws iam get-role --role-name ${role} --query Role.Arn --output text`,
      },
    },
  ];
}

/** An HCL string literal: escapes quotes and backslashes, and `${`/`%{`, which would start a template. */
export const hclString = (value: string) =>
  JSON.stringify(value).replace(/([$%])\{/g, (_, sigil: string) => `${sigil}${sigil}{`);

const hclKey = (key: string) => (/^[A-Za-z_][\w-]*$/.test(key) ? key : hclString(key));

/** A JSON value as an HCL expression, laid out the way `terraform fmt` does (aligned `=` in runs of one-liners). */
function hcl(value: unknown, indent: number): string {
  const pad = "  ".repeat(indent + 1);
  const end = "  ".repeat(indent);
  if (typeof value === "string") return hclString(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => hcl(v, indent + 1));
    return items.every((i) => !i.includes("\n")) && items.join(", ").length < 80
      ? `[${items.join(", ")}]`
      : `[\n${items.map((i) => `${pad}${i},`).join("\n")}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => [hclKey(k), hcl(v, indent + 1)] as const,
  );
  const lines: string[] = [];
  for (let i = 0; i < entries.length;) {
    let j = i;
    while (j < entries.length && !entries[j]![1].includes("\n")) j++;
    const run = entries.slice(i, Math.max(j, i + 1));
    const width = Math.max(...run.map(([k]) => k.length));
    for (const [k, v] of run) lines.push(`${pad}${k.padEnd(v.includes("\n") ? k.length : width)} = ${v}`);
    i += run.length;
  }
  return `{\n${lines.join("\n")}\n${end}}`;
}

/** (c) Terraform (AWS provider): the role, its inline policy, a guard on the account, and the ARN as an output. */
export function terraformSnippet(input: ManualInstructionsInput): string {
  const v = checked(input);
  return `# Pump ${TYPE_LABEL[v.roleType].toLowerCase()} role for AWS account ${formatAccountId(v.accountId)}.
data "aws_caller_identity" "current" {}

resource "aws_iam_role" "pump" {
  name                 = ${hclString(v.roleName)}
  description          = ${hclString(description(v.roleType))}
  max_session_duration = ${MAX_SESSION_SECONDS}
  assume_role_policy   = jsonencode(${hcl(v.trust, 1)})

  lifecycle {
    precondition {
      condition     = data.aws_caller_identity.current.account_id == ${hclString(v.accountId)}
      error_message = ${hclString(`These credentials are not for AWS account ${v.accountId}.`)}
    }
  }
}

resource "aws_iam_role_policy" "pump" {
  name   = ${hclString(v.policyName)}
  role   = aws_iam_role.pump.id
  policy = jsonencode(${hcl(v.permissions, 1)})
}

output "pump_role_arn" {
  description = "Send this ARN to Pump."
  value       = aws_iam_role.pump.arn
}
`;
}

function fence(block: CodeBlock, indent = "") {
  if (block.code.includes("`")) throw new Error("a code block cannot contain a backtick");
  const lang = block.language === "text" ? "" : block.language;
  return [
    `${indent}\`\`\`${lang}`,
    ...block.code.split("\n").map((l) => (l ? `${indent}${l}` : l)),
    `${indent}\`\`\``,
  ].join("\n");
}

/** (d) Everything as one Markdown document, for a ticket or an email. */
export function instructionsMarkdown(input: ManualInstructionsInput): string {
  return build(checked(input)).markdown;
}

function markdownOf(v: Checked, summary: ManualInstructions["summary"], sections: ManualSection[]): string {
  const rows = summary.map((s) => `| ${s.label} | \`${s.value}\` |`);
  const body = sections.map((section) => {
    const steps = section.steps.map((step, i) => {
      const head = `${i + 1}. **${step.title}.** ${step.text}`;
      return step.code ? `${head}\n\n${fence(step.code, "   ")}` : head;
    });
    return [`## ${section.title}`, "", section.intro, "", steps.join("\n\n")].join("\n");
  });
  return [
    `# ${TYPE_LABEL[v.roleType]} Pump role for AWS account ${formatAccountId(v.accountId)}: manual deployment`,
    "",
    "| | |",
    "|---|---|",
    ...rows,
    "",
    "Use one of the three ways below, then send Pump the role ARN.",
    "",
    body.join("\n\n"),
    "",
  ].join("\n");
}

/** All of it, for the manual-deployment page. */
export function manualInstructions(input: ManualInstructionsInput): ManualInstructions {
  return build(checked(input));
}

function build(v: Checked): ManualInstructions {
  const summary = [
    { label: "AWS account", value: v.accountId },
    { label: "Role type", value: TYPE_LABEL[v.roleType] },
    { label: "Role name", value: v.roleName },
    { label: "External ID", value: v.externalId },
    { label: "Pump's role (trusted)", value: v.pumpPrincipalArn },
    { label: "Role ARN, once created", value: v.roleArn },
  ];
  const tf = terraformSnippet(v);
  const sections: ManualSection[] = [
    { id: "console", title: "Option 1: IAM console", intro: "Nine steps in the AWS console.", steps: consoleSteps(v) },
    {
      id: "cli",
      title: "Option 2: AWS CLI in CloudShell",
      intro: "Paste each block into AWS CloudShell (or any bash with the AWS CLI v2 and credentials for the account).",
      steps: cliSteps(v),
    },
    {
      id: "terraform",
      title: "Option 3: Terraform",
      intro: "For accounts managed with Terraform and the AWS provider.",
      steps: [
        {
          title: "Add and apply",
          text: "Add this to the account's configuration and run terraform apply; the output pump_role_arn is the ARN to send to Pump.",
          code: { label: "Terraform", language: "hcl", code: tf.trimEnd() },
        },
      ],
    },
  ];
  return { roleArn: v.roleArn, summary, sections, markdown: markdownOf(v, summary, sections) };
}
