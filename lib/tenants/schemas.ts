import { z } from "zod";
import { awsAccounts } from "@/db/schema";
import { ACCOUNT_ID_PATTERN, normaliseAccountId, parseRoleArn } from "./aws-ids";

// Input schemas of the tenant write actions. Unknown keys are stripped by zod, so an `externalId` sent by a
// client never reaches a use case: External IDs are generated server-side only.

/** Form fields arrive as "" when left blank; direct calls may omit them. Both mean "no value". */
const blankToNull = (v: unknown) => (typeof v === "string" ? v.trim() || null : (v ?? null));

const requiredText = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, { error: `Enter ${what}.` })
    .max(max, { error: `Keep ${what} under ${max} characters.` });

const emailSchema = z
  .string()
  .trim()
  .max(254, { error: "Email is too long." })
  .pipe(z.email({ error: "Enter a valid email address." }));

export const pumpIdSchema = z
  .string({ error: "Enter a Pump ID." })
  .trim()
  .toUpperCase()
  .pipe(z.string().regex(/^PUMP-\d{4,16}$/, { error: "Enter a Pump ID like PUMP-0042: PUMP- and at least 4 digits." }));

const contactsSchema = z
  .array(z.object({ name: z.string().catch(""), email: z.string().catch("") }), { error: "Add at least one contact." })
  .transform((rows) =>
    rows.map((r) => ({ name: r.name.trim(), email: r.email.trim() })).filter((r) => r.name !== "" || r.email !== ""),
  )
  .superRefine((rows, ctx) => {
    // Flattened field errors are keyed by top-level field, so each message names its row.
    if (rows.length === 0) ctx.addIssue({ code: "custom", message: "Add at least one contact." });
    if (rows.length > 20) ctx.addIssue({ code: "custom", message: "Keep it to 20 contacts." });
    rows.forEach((row, i) => {
      if (!row.name) ctx.addIssue({ code: "custom", message: `Contact ${i + 1}: enter a name.` });
      if (row.name.length > 120) ctx.addIssue({ code: "custom", message: `Contact ${i + 1}: the name is too long.` });
      if (!emailSchema.safeParse(row.email).success) {
        ctx.addIssue({ code: "custom", message: `Contact ${i + 1}: enter a valid email address.` });
      }
    });
  });

/** A form posts repeated `contactName`/`contactEmail` fields; direct calls send `contacts: [{ name, email }]`. */
function zipContacts(raw: unknown) {
  if (!raw || typeof raw !== "object" || "contacts" in raw) return raw;
  const { contactName, contactEmail, ...rest } = raw as Record<string, unknown>;
  const list = (v: unknown) =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => (typeof x === "string" ? x : ""));
  const names = list(contactName);
  const emails = list(contactEmail);
  const contacts = Array.from({ length: Math.max(names.length, emails.length) }, (_, i) => ({
    name: names[i] ?? "",
    email: emails[i] ?? "",
  }));
  return { ...rest, contacts };
}

const tenantFields = {
  pumpId: pumpIdSchema,
  name: requiredText("the company name", 200),
  notes: z.preprocess(
    (v) => blankToNull(v) ?? "",
    z.string().max(5000, { error: "Keep notes under 5,000 characters." }),
  ),
  accountManagerId: z.preprocess(blankToNull, z.uuid({ error: "Pick an account manager from the list." }).nullable()),
  // Which Pump organization invites the tenant's accounts; blank = Pump's default. Absent (direct calls) = unchanged.
  defaultPumpOrganizationId: z
    .preprocess(blankToNull, z.uuid({ error: "Pick a Pump organization from the list." }).nullable())
    .optional(),
  contacts: contactsSchema,
};

export const createTenantSchema = z.preprocess(zipContacts, z.object(tenantFields));
export type CreateTenantInput = z.output<typeof createTenantSchema>;

export const updateTenantSchema = z.preprocess(
  zipContacts,
  z.object({ tenantId: z.uuid({ error: "Unknown tenant." }), ...tenantFields }),
);
export type UpdateTenantInput = z.output<typeof updateTenantSchema>;

const accountIdSchema = z
  .string({ error: "Enter the 12-digit AWS account ID." })
  .transform(normaliseAccountId)
  .pipe(z.string().regex(ACCOUNT_ID_PATTERN, { error: "Enter the 12-digit AWS account ID." }));

const roleArnSchema = z.preprocess(
  blankToNull,
  z
    .string()
    .refine((v) => parseRoleArn(v) !== null, {
      error: "Enter a role ARN like arn:aws:iam::123456789012:role/PumpCustomerAccess.",
    })
    .nullable(),
);

const accountFields = {
  name: requiredText("a name for the account", 120),
  email: z.preprocess(blankToNull, emailSchema.nullable()),
  roleType: z.enum(awsAccounts.roleType.enumValues, { error: "Pick a role type." }),
  roleArn: roleArnSchema,
  deploymentMethod: z.preprocess(
    blankToNull,
    z.enum(awsAccounts.deploymentMethod.enumValues, { error: "Pick how the role was deployed." }).nullable(),
  ),
};

type RoleFields = { accountId?: string; roleArn: string | null; deploymentMethod: string | null };

const hasIssueAt = (issues: readonly { path?: PropertyKey[] }[], key: string) =>
  issues.some((i) => i.path?.[0] === key);

// Cross-field rules, each checked once the fields it compares are valid themselves (all errors at once).
function requireDeploymentWithArn<T extends RoleFields>(value: T, ctx: z.RefinementCtx) {
  if (value.roleArn && !value.deploymentMethod) {
    ctx.addIssue({ code: "custom", path: ["deploymentMethod"], message: "Pick how the role was deployed." });
  }
}

function requireArnInAccount<T extends RoleFields>(value: T, ctx: z.RefinementCtx) {
  const arnAccount = value.roleArn ? parseRoleArn(value.roleArn)?.accountId : undefined;
  if (value.accountId && arnAccount && arnAccount !== value.accountId) {
    ctx.addIssue({ code: "custom", path: ["roleArn"], message: roleArnAccountMismatch(arnAccount, value.accountId) });
  }
}

export function roleArnAccountMismatch(arnAccount: string, accountId: string) {
  return `This role ARN is in account ${arnAccount}, not in account ${accountId}.`;
}

/** Without a role ARN there is no deployment to describe. */
const dropMethodWithoutArn = <T extends RoleFields>(value: T): T =>
  value.roleArn ? value : { ...value, deploymentMethod: null };

const whenValid = (...keys: string[]) => ({
  when: (payload: { issues: readonly { path?: PropertyKey[] }[] }) => !keys.some((k) => hasIssueAt(payload.issues, k)),
});

export const addAwsAccountSchema = z
  .object({ tenantId: z.uuid({ error: "Unknown tenant." }), accountId: accountIdSchema, ...accountFields })
  .superRefine(requireDeploymentWithArn, whenValid("roleArn", "deploymentMethod"))
  .superRefine(requireArnInAccount, whenValid("accountId", "roleArn"))
  .transform(dropMethodWithoutArn);
export type AddAwsAccountInput = z.output<typeof addAwsAccountSchema>;

// The account ID is not editable: the External ID, invites and exceptions all belong to that AWS account.
// The role ARN's account is checked against the stored account ID inside the use case.
export const updateAwsAccountSchema = z
  .object({ awsAccountId: z.uuid({ error: "Unknown AWS account." }), ...accountFields })
  .superRefine(requireDeploymentWithArn, whenValid("roleArn", "deploymentMethod"))
  .transform(dropMethodWithoutArn);
export type UpdateAwsAccountInput = z.output<typeof updateAwsAccountSchema>;

export const revealExternalIdSchema = z.object({ awsAccountId: z.uuid({ error: "Unknown AWS account." }) });
export type RevealExternalIdInput = z.output<typeof revealExternalIdSchema>;
