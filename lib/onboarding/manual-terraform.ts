import { formatAccountId } from "@/lib/tenants/aws-ids";
import { checkManualInput, roleDescription, ROLE_TYPE_LABEL, type ManualInstructionsInput } from "./manual-input";
import { MAX_SESSION_SECONDS } from "./policies";

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
  const v = checkManualInput(input);
  return `# Pump ${ROLE_TYPE_LABEL[v.roleType].toLowerCase()} role for AWS account ${formatAccountId(v.accountId)}.
data "aws_caller_identity" "current" {}

resource "aws_iam_role" "pump" {
  name                 = ${hclString(v.roleName)}
  description          = ${hclString(roleDescription(v.roleType))}
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
