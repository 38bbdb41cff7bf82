import { formatAccountId } from "@/lib/tenants/aws-ids";
import { ROLE_TYPE_LABEL, type CheckedManualInput, type CodeBlock, type ManualInstructions } from "./manual-input";

/** Markdown safety: no allowed value can contain a backtick, so none can close a code fence (refused if one does). */
function fence(block: CodeBlock, indent = "") {
  if (block.code.includes("`")) throw new Error("a code block cannot contain a backtick");
  const lang = block.language === "text" ? "" : block.language;
  return [
    `${indent}\`\`\`${lang}`,
    ...block.code.split("\n").map((l) => (l ? `${indent}${l}` : l)),
    `${indent}\`\`\``,
  ].join("\n");
}

/** The summary table and every section's numbered steps as one Markdown document. */
export function manualMarkdown(
  v: CheckedManualInput,
  summary: ManualInstructions["summary"],
  sections: ManualInstructions["sections"],
): string {
  const rows = summary.map((s) => `| ${s.label} | \`${s.value}\` |`);
  const body = sections.map((section) => {
    const steps = section.steps.map((step, i) => {
      const head = `${i + 1}. **${step.title}.** ${step.text}`;
      return step.code ? `${head}\n\n${fence(step.code, "   ")}` : head;
    });
    return [`## ${section.title}`, "", section.intro, "", steps.join("\n\n")].join("\n");
  });
  return [
    `# ${ROLE_TYPE_LABEL[v.roleType]} Pump role for AWS account ${formatAccountId(v.accountId)}: manual deployment`,
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
