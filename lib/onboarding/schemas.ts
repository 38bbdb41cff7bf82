import { z } from "zod";
import { awsAccounts } from "@/db/schema";
import { ONBOARDING_REGIONS } from "@/lib/env";

const id = z.uuid({ error: "Unknown record." });

export const issueOnboardingSchema = z.object({
  tenantId: id,
  // Optional: the customer's account when known. Dashes and spaces are welcome, as pasted from a ticket.
  accountId: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(z.union([z.literal(""), z.string().regex(/^\d{12}$/, { error: "An AWS account ID has 12 digits." })]))
    .transform((v) => v || undefined)
    .optional(),
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
  accountId: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(z.union([z.literal(""), z.string().regex(/^\d{12}$/, { error: "An AWS account ID has 12 digits." })]))
    .transform((v) => v || undefined)
    .optional(),
});

export const recordManualRoleSchema = z.object({
  awsAccountId: id,
  roleArn: z
    .string()
    .trim()
    .regex(/^arn:aws:iam::\d{12}:role\/(?:[\x21-\x7e]+\/)*[\w+=,.@-]{1,64}$/, {
      error: "Paste the role's ARN: arn:aws:iam::<12-digit account>:role/<name>.",
    }),
});
export type RecordManualRoleInput = z.output<typeof recordManualRoleSchema>;
