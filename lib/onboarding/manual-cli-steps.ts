import { formatAccountId } from "@/lib/tenants/aws-ids";
import {
  checkManualInput,
  prettyJson,
  roleDescription,
  type ManualInstructionsInput,
  type ManualStep,
} from "./manual-input";
import { MAX_SESSION_SECONDS } from "./policies";

/**
 * Shell safety: every value is checked before it is written (checkManualInput), and then quoted anyway. None of the
 * allowed characters can end a quoted string or start an expansion; the tests feed hostile values to prove it.
 */

/** POSIX single quotes; a `'` inside (none passes validation) would be closed, escaped and reopened. */
export const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

const DELIMITER = "PUMP_POLICY_JSON";

function heredoc(file: string, body: string) {
  // A quoted delimiter: the shell expands nothing inside. The body (JSON) never has a line equal to it.
  if (body.split("\n").includes(DELIMITER)) throw new Error("heredoc body contains its delimiter");
  return `cat > ${file} <<'${DELIMITER}'\n${body}\n${DELIMITER}`;
}

/** (b) AWS CLI commands, runnable as they are in AWS CloudShell (bash). */
export function cliSteps(input: ManualInstructionsInput): ManualStep[] {
  const v = checkManualInput(input);
  const role = shellQuote(v.roleName);
  const account = shellQuote(v.accountId);
  return [
    {
      title: "Check the account",
      text: `Open AWS CloudShell while signed in to account ${formatAccountId(v.accountId)} and run this; it must print OK.`,
      code: {
        label: "Account check",
        language: "bash",
        code:
          `if [ "$(aws sts get-caller-identity --query Account --output text)" = ${account} ]; ` +
          `then echo OK; else echo "STOP: this shell is not in account ${v.accountId}"; fi`,
      },
    },
    {
      title: "Write the trust policy",
      text: "Creates trust-policy.json in the current folder.",
      code: { label: "trust-policy.json", language: "bash", code: heredoc("trust-policy.json", prettyJson(v.trust)) },
    },
    {
      title: "Write the permissions",
      text: "Creates permissions.json in the current folder.",
      code: {
        label: "permissions.json",
        language: "bash",
        code: heredoc("permissions.json", prettyJson(v.permissions)),
      },
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
          `  --description ${shellQuote(roleDescription(v.roleType))} \\`,
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
        code:
          `aws iam put-role-policy --role-name ${role} --policy-name ${shellQuote(v.policyName)} ` +
          "--policy-document file://permissions.json",
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
