import {
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
 * What the manual-deployment generators take and give, and the check every one of them runs first: every value is
 * checked against AWS's pattern (or Pump's stricter one) before it is written anywhere. Pure.
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

export type CheckedManualInput = ManualInstructionsInput & {
  trust: PolicyDocument;
  permissions: PolicyDocument;
  policyName: string;
  roleArn: string;
  pumpAccountId: string;
};

/**
 * Validates every value (throws PolicyInputError naming the field) and derives what the generators share. Every
 * exported generator calls it on its own input: none can be handed an unchecked value.
 */
export function checkManualInput(input: ManualInstructionsInput): CheckedManualInput {
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

export const ROLE_TYPE_LABEL = { read_only: "Read-only", autopilot: "Autopilot" } as const;
export const roleDescription = (t: RoleType) => `Pump ${ROLE_TYPE_LABEL[t].toLowerCase()} access (deployed manually)`;
export const prettyJson = (doc: unknown) => JSON.stringify(doc, null, 2);
