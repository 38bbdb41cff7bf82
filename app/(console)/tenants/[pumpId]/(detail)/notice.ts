import { z } from "zod";

/** One-line confirmations after a form sends the user back here (`?notice=…`); anything else shows nothing. */
const notices = {
  "tenant-created": "Tenant created. Add its AWS accounts below.",
  "tenant-updated": "Tenant details saved.",
  "account-added": "AWS account added. Its External ID was generated; the role still needs verifying.",
  "account-updated": "AWS account saved.",
  "role-reset": "AWS account saved. The role ARN changed, so the role is unverified until it is verified again.",
} as const;

export type Notice = keyof typeof notices;

export function noticeText(value: unknown): string | null {
  const parsed = z.enum(Object.keys(notices) as [Notice, ...Notice[]]).safeParse(value);
  return parsed.success ? notices[parsed.data] : null;
}
