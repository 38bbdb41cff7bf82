/**
 * Pure: what an ARN-shaped piece of a query says about the account it names. Tickets carry ARNs cut short
 * (`…/PumpCust…`, `role/...`), wrapped across lines or quoted inside a sentence; whatever survives of the account
 * ID is still worth searching, and when nothing does the person is told what was read.
 */

import { formatAccountId, normaliseAccountId } from "@/lib/tenants/aws-ids";

export type ArnReading =
  /** A whole IAM/STS ARN (`exact`), or any other ARN-shaped text whose account field holds 12 digits. */
  | { kind: "account"; accountId: string; arn: string; exact: boolean }
  /** Cut short inside the account ID: the digits that are there, at least 4. */
  | { kind: "account_prefix"; prefix: string }
  | { kind: "short_account"; digits: string }
  | { kind: "bad_account"; accountField: string }
  | { kind: "no_account" }
  | { kind: "cut_before_account" };

// `arn:` at the start or after a separator, so "learn:" in a sentence is not an ARN.
const ARN_START = /(?:^|[^\p{L}\p{N}_-])arn:/iu;
const TRUNCATION = /\.{3}|…/;
const ACCOUNT_IN_FIELD = /^\d[\d -]*/;

/** The ARN-shaped part of `q`, or null when `q` has none. */
export function findArnText(q: string): string | null {
  const match = ARN_START.exec(q);
  if (!match) return null;
  const start = match.index + match[0].length - 4;
  // A ticket line break became a space: the ARN ends there (what follows is the rest of the sentence).
  const text = q.slice(start).split(/\s/, 1)[0]!;
  return text.replace(/["'`>)\].,;]+$/, "");
}

/**
 * `arn:<partition>:<service>:<region>:<account>:<resource>`: the account is the fifth field, whatever the service.
 * `exact` says the ARN has a resource part and no ellipsis, so its role name may be trusted too.
 */
export function readArn(text: string): ArnReading {
  const fields = text.split(":");
  if (fields.length < 5) return { kind: "cut_before_account" };
  const field = fields[4]!;
  const isLast = fields.length === 5;
  const cut = TRUNCATION.exec(field);
  const beforeCut = cut ? field.slice(0, cut.index) : field;
  const run = ACCOUNT_IN_FIELD.exec(beforeCut)?.[0] ?? "";
  const digits = normaliseAccountId(run);
  const rest = beforeCut.slice(run.length);
  if (field === "") return isLast ? { kind: "cut_before_account" } : { kind: "no_account" };
  if (digits.length === 12 && rest === "") {
    return { kind: "account", accountId: digits, arn: text, exact: !isLast && !TRUNCATION.test(text) };
  }
  // Digits running into the end of the text (or into an ellipsis) were cut short, not mistyped.
  const isCutShort = rest === "" && (cut !== null || isLast) && digits.length < 12;
  if (isCutShort && digits.length >= 4) return { kind: "account_prefix", prefix: digits };
  if (isCutShort) return { kind: "short_account", digits };
  return { kind: "bad_account", accountField: field };
}

/** What the search understood of an ARN it found nothing for, in words. */
export function describeArnReading(reading: ArnReading): string {
  switch (reading.kind) {
    case "account":
      return `Read as an ARN for account ${formatAccountId(reading.accountId)}; no tenant has it.`;
    case "account_prefix":
      return `Read as an ARN cut short in its account ID; no account ID starts with ${reading.prefix}.`;
    case "short_account":
      return `This looks like an ARN cut short in its account ID (${reading.digits || "no digits"}): paste at least 4 digits of it, or the whole ARN.`;
    case "bad_account":
      return `This looks like an ARN, but its account ID “${reading.accountField.slice(0, 40)}” is not 12 digits.`;
    case "no_account":
      return "This looks like an ARN, but it names no AWS account. Paste the role ARN or the 12-digit account ID.";
    case "cut_before_account":
      return "This looks like an ARN cut short before its account ID. Paste the whole ARN or the 12-digit account ID.";
  }
}
