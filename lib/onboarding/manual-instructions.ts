import { cliSteps } from "./manual-cli-steps";
import { consoleSteps } from "./manual-console-steps";
import {
  checkManualInput,
  ROLE_TYPE_LABEL,
  type CheckedManualInput,
  type ManualInstructions,
  type ManualInstructionsInput,
  type ManualSection,
} from "./manual-input";
import { manualMarkdown } from "./manual-markdown";
import { terraformSnippet } from "./manual-terraform";

export type { CodeBlock, ManualInstructions, ManualInstructionsInput, ManualSection, ManualStep } from "./manual-input";

/**
 * Manual deployment of Pump's role, for customers who cannot use CloudFormation: IAM console steps
 * (manual-console-steps.ts), AWS CLI commands for CloudShell (manual-cli-steps.ts), a Terraform snippet
 * (manual-terraform.ts), and all of it as Markdown for a ticket (manual-markdown.ts). Pure.
 *
 * Shell/HCL/Markdown safety: every value is checked against AWS's pattern (or Pump's stricter one) before it is
 * written anywhere, and then quoted for its target anyway. None of the allowed characters can end a quoted
 * string, start an expansion or close a code fence; the tests feed hostile values to prove the refusals.
 */

/** All of it, for the manual-deployment page. */
export function manualInstructions(input: ManualInstructionsInput): ManualInstructions {
  return build(checkManualInput(input));
}

/** (d) Everything as one Markdown document, for a ticket or an email. */
export function instructionsMarkdown(input: ManualInstructionsInput): string {
  return build(checkManualInput(input)).markdown;
}

function build(v: CheckedManualInput): ManualInstructions {
  const summary = [
    { label: "AWS account", value: v.accountId },
    { label: "Role type", value: ROLE_TYPE_LABEL[v.roleType] },
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
          text:
            "Add this to the account's configuration and run terraform apply; the output pump_role_arn is the ARN " +
            "to send to Pump.",
          code: { label: "Terraform", language: "hcl", code: tf.trimEnd() },
        },
      ],
    },
  ];
  return { roleArn: v.roleArn, summary, sections, markdown: manualMarkdown(v, summary, sections) };
}
