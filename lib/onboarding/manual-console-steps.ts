import { formatAccountId } from "@/lib/tenants/aws-ids";
import {
  checkManualInput,
  prettyJson,
  roleDescription,
  type ManualInstructionsInput,
  type ManualStep,
} from "./manual-input";

/** (a) The IAM console, click by click. */
export function consoleSteps(input: ManualInstructionsInput): ManualStep[] {
  const v = checkManualInput(input);
  const account = formatAccountId(v.accountId);
  return [
    {
      title: "Open IAM",
      text:
        `Sign in to the AWS Management Console of account ${account} as someone allowed to create IAM roles, ` +
        "and open IAM (https://console.aws.amazon.com/iam/).",
    },
    { title: "Create a role", text: "In the navigation pane choose Roles, then Create role." },
    {
      title: "Trust Pump's account",
      text:
        "Trusted entity type: AWS account. Under An AWS account choose Another AWS account and enter the account ID " +
        `${v.pumpAccountId} (Pump).`,
      code: { label: "Pump's account ID", language: "text", code: v.pumpAccountId },
    },
    {
      title: "Require the External ID",
      text:
        "Under Options tick Require external ID and paste the value below exactly. Leave Require MFA unticked: " +
        "Pump's automation cannot answer an MFA prompt. Choose Next.",
      code: { label: "External ID", language: "text", code: v.externalId },
    },
    {
      title: "Skip the permissions page",
      text: "On Add permissions select nothing and choose Next: the permissions are added as an inline policy below.",
    },
    {
      title: "Name the role",
      text: `Role name: ${v.roleName}. Description: ${roleDescription(v.roleType)}. Choose Create role.`,
      code: { label: "Role name", language: "text", code: v.roleName },
    },
    {
      title: "Narrow the trust to Pump's role",
      text:
        "Open the new role, tab Trust relationships, Edit trust policy. Replace the whole document with this one " +
        "and choose Update policy. (The wizard trusts every principal of Pump's account; this trusts only Pump's " +
        "operator role, and still only with the External ID.)",
      code: { label: "Trust policy", language: "json", code: prettyJson(v.trust) },
    },
    {
      title: "Add the permissions",
      text:
        "Tab Permissions, Add permissions, Create inline policy, JSON. Replace the editor's content with this " +
        `policy, choose Next, name it ${v.policyName} and choose Create policy.`,
      code: { label: "Permissions policy", language: "json", code: prettyJson(v.permissions) },
    },
    {
      title: "Send Pump the role ARN",
      text: "Copy the ARN from the role's Summary and send it to Pump. It must read exactly:",
      code: { label: "Role ARN", language: "text", code: v.roleArn },
    },
  ];
}
