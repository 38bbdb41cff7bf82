import { z } from "zod";
import { awsAccounts } from "@/db/schema";
import { ONBOARDING_REGIONS } from "@/lib/env";
import { ACCOUNT_ID_PATTERN, normaliseAccountId, parseRoleArn } from "@/lib/tenants/aws-ids";

const id = z.uuid({ error: "Unknown record." });

// Optional: the customer's account when known. Dashes and spaces are welcome, as pasted from a ticket.
const optionalAccountId = z
  .string()
  .transform(normaliseAccountId)
  .pipe(z.union([z.literal(""), z.string().regex(ACCOUNT_ID_PATTERN, { error: "An AWS account ID has 12 digits." })]))
  .transform((v) => v || undefined)
  .optional();

export const issueOnboardingSchema = z.object({
  tenantId: id,
  accountId: optionalAccountId,
  roleType: z.enum(awsAccounts.roleType.enumValues, { error: "Pick a role type." }),
  region: z.enum(ONBOARDING_REGIONS, { error: "Pick a region where Pump receives callbacks." }),
  // A checkbox: present ("on") or absent.
  isFinalStep: z
    .union([z.literal("on"), z.literal("true"), z.boolean()])
    .optional()
    .transform((v) => v === "on" || v === "true" || v === true),
});
export type IssueOnboardingInput = z.output<typeof issueOnboardingSchema>;

export const onboardingRefSchema = z.object({ onboardingId: id });
export type OnboardingRef = z.output<typeof onboardingRefSchema>;

export const verifyRoleSchema = z.object({ awsAccountId: id });
export type VerifyRoleInput = z.output<typeof verifyRoleSchema>;

export const simulateDeploymentSchema = z.object({
  onboardingId: id,
  accountId: optionalAccountId,
});

export const recordManualRoleSchema = z.object({
  awsAccountId: id,
  roleArn: z
    .string()
    .trim()
    .refine((v) => parseRoleArn(v) !== null, {
      error: "Paste the role's ARN: arn:aws:iam::<12-digit account>:role/<name>.",
    }),
});
export type RecordManualRoleInput = z.output<typeof recordManualRoleSchema>;
