import { z } from "zod";
import { formatUtcDate } from "@/lib/format/utc";
import { ACCOUNT_ID_PATTERN, parseRoleArn } from "@/lib/tenants/aws-ids";

const STACK_ID =
  /^arn:aws:cloudformation:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):stack\/[A-Za-z][A-Za-z0-9-]{0,127}\/[0-9a-f-]{36}$/;

/**
 * The custom resource's request, as CloudFormation publishes it to the SNS topic. Every ResourceProperties value
 * arrives as a string; the customer could have edited any of them in the quick-create form.
 */
export const cfnRequestSchema = z.object({
  RequestType: z.enum(["Create", "Update", "Delete"]),
  ResponseURL: z.string().min(1).max(4096),
  StackId: z.string().regex(STACK_ID),
  RequestId: z.string().min(1).max(256),
  ResourceType: z.string().regex(/^Custom::[\w@-]{1,60}$/),
  LogicalResourceId: z.string().min(1).max(255),
  PhysicalResourceId: z.string().min(1).max(1024).optional(),
  ResourceProperties: z.object({
    ServiceToken: z.string().max(1024),
    PumpId: z.string().max(64),
    RoleArn: z.string().max(2048),
    ExternalId: z.string().max(1224),
    AccountId: z.string().max(64),
    RoleType: z.string().max(64),
    OnboardingToken: z.string().max(256),
  }),
  OldResourceProperties: z.record(z.string(), z.unknown()).optional(),
});
export type CfnRequest = z.output<typeof cfnRequestSchema>;

export function stackParts(stackId: string) {
  const m = STACK_ID.exec(stackId);
  return m ? { region: m[1]!, accountId: m[2]! } : null;
}

type IssuedOnboarding = {
  status: string;
  expiresAt: Date;
  pumpId: string;
  externalId: string;
  roleType: string;
  region: string;
  expectedAccountId: string | null;
};

/**
 * Ties a Create/Update request to the onboarding Pump issued. Returns the first problem, worded for the customer
 * who will read it as the stack's failure reason, or null when everything matches.
 */
export function mismatch(request: CfnRequest, onboarding: IssuedOnboarding | undefined, now: Date): string | null {
  const p = request.ResourceProperties;
  if (!onboarding)
    return "This stack's OnboardingToken matches no link Pump issued. Launch the stack again from the link Pump sent you.";
  if (onboarding.status === "revoked")
    return "This link was replaced or revoked by Pump. Launch the stack from the newest link Pump sent you.";
  if (onboarding.status === "verified" && request.RequestType === "Create")
    return "This link was already used. Ask Pump for a new link.";
  if (onboarding.expiresAt <= now)
    return `This link expired on ${formatUtcDate(onboarding.expiresAt)}. Ask Pump for a new link.`;
  if (p.PumpId !== onboarding.pumpId)
    return (
      `The PumpId parameter (${p.PumpId.slice(0, 20)}) is not the one in Pump's link. ` +
      "Launch the stack from the link without editing its parameters."
    );
  if (p.ExternalId !== onboarding.externalId)
    return "The ExternalId parameter was changed from the value in Pump's link. Launch the stack from the link without editing its parameters.";
  if (p.RoleType !== onboarding.roleType)
    return "The RoleType parameter was changed from the value in Pump's link. Launch the stack from the link without editing its parameters.";
  if (!ACCOUNT_ID_PATTERN.test(p.AccountId)) return "The stack reported a malformed AWS account ID.";
  const stack = stackParts(request.StackId);
  if (stack?.accountId !== p.AccountId) return "The reported account ID is not the account the stack runs in.";
  // The shared parser, not a nested-quantifier regex: RoleArn is the customer's input (no catastrophic backtracking).
  const role = parseRoleArn(p.RoleArn);
  if (!role || role.accountId !== p.AccountId)
    return "The reported role ARN is not an IAM role in the account the stack runs in.";
  if (onboarding.expectedAccountId && onboarding.expectedAccountId !== p.AccountId) {
    return (
      `This link was issued for AWS account ${onboarding.expectedAccountId}, but the stack runs in ${p.AccountId}. ` +
      "Sign in to the right account and launch it again."
    );
  }
  if (stack.region !== onboarding.region)
    return `This link is for region ${onboarding.region}; the stack runs in ${stack.region}.`;
  return null;
}
