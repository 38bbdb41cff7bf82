/**
 * Pure: turns whatever a support engineer pasted from a ticket into the lookups worth trying, with normalised
 * values. Anything it does not recognise yields no lookups, so malformed input never reaches the database.
 */

/** Longer input is refused outright: nothing we search for is longer (an External ID could be, but ours are ~37). */
export const MAX_QUERY_LENGTH = 256;

import { describeArnReading, findArnText, readArn } from "./read-arn";

export type SearchTerm =
  | { kind: "account_id"; accountId: string }
  | { kind: "account_prefix"; prefix: string }
  /**
   * ARN-shaped text naming an account; `roleArn` is the IAM role it names, when it is a whole IAM/STS ARN naming
   * one. A cut-short or other ARN is searched by its account ID alone.
   */
  | { kind: "arn"; accountId: string; roleArn: string | null; roleName: string | null; isAssumedRole: boolean }
  | { kind: "pump_id"; pumpIds: string[] }
  | { kind: "org_id"; orgId: string }
  | { kind: "handshake_id"; handshakeId: string }
  /** Lower-cased; searched as exact and as prefix. Without an `@` it is a local-part prefix. */
  | { kind: "email"; email: string }
  /** Lower-cased, whitespace collapsed; `hasSubstring` when it has a run of 3 letters/digits (a usable trigram). */
  | { kind: "name"; name: string; hasSubstring: boolean }
  | { kind: "external_id"; externalId: string };

export type ClassifyOptions = { canSearchExternalId: boolean };

const DIGITS_WITH_SEPARATORS = /^\d[\d -]*$/;
const PUMP_ID = /^pump[ _-]?(\d{1,12})$/i;
const BARE_PUMP_NUMBER = /^\d{1,6}$/;
const ARN = /^arn:(aws|aws-cn|aws-us-gov):(iam|sts)::(\d{12}):([\x21-\x7e]+)$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const ORG_ID = /^o-[a-z0-9]{10,32}$/;
const HANDSHAKE_ID = /^h-[0-9a-z]{8,32}$/;
const EMAIL = /^[^\s@"<>()[\],;:\\]+@[^\s@"<>()[\],;:\\]*$/;
const EMAIL_LOCAL_PREFIX = /^[a-z0-9][a-z0-9._+-]{2,}$/;
// AWS's External ID charset; the length cap of 1224 is above MAX_QUERY_LENGTH, so the length check is ours.
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,}$/;
const ALNUM_RUN_2 = /[\p{L}\p{N}].*[\p{L}\p{N}]/u;
const ALNUM_RUN_3 = /[\p{L}\p{N}]{3}/u;
// Quotes and brackets a ticket or chat wraps around a pasted value.
const WRAPPERS = /^["'`<([]+|["'`>)\]]+$/g;

/**
 * Trimmed, wrappers removed, control characters turned into spaces and lone surrogates into U+FFFD: PostgreSQL
 * refuses NUL and invalid UTF-8 in a parameter with an error, and malformed input must never error.
 */
export function normaliseQuery(input: unknown): string | null {
  if (typeof input !== "string" || input.length > MAX_QUERY_LENGTH * 4) return null;
  const cleaned = input
    .toWellFormed()
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim()
    .replace(WRAPPERS, "")
    .trim();
  if (cleaned === "" || cleaned.length > MAX_QUERY_LENGTH) return null;
  return cleaned;
}

export function classifyQuery(input: unknown, options: ClassifyOptions): SearchTerm[] {
  const q = normaliseQuery(input);
  if (q === null) return [];
  const terms: SearchTerm[] = [];

  const arnText = findArnText(q);
  const arnReading = arnText === null ? null : readArn(arnText);
  if (arnReading?.kind === "account") {
    const strict = arnReading.exact && arnText === q ? parseArn(q) : null;
    terms.push(
      strict ?? { kind: "arn", accountId: arnReading.accountId, roleArn: null, roleName: null, isAssumedRole: false },
    );
  } else if (arnReading?.kind === "account_prefix") {
    terms.push({ kind: "account_prefix", prefix: arnReading.prefix });
  }

  if (DIGITS_WITH_SEPARATORS.test(q)) {
    const digits = q.replace(/[ -]/g, "");
    if (digits.length === 12) terms.push({ kind: "account_id", accountId: digits });
    else if (digits.length >= 4 && digits.length < 12) terms.push({ kind: "account_prefix", prefix: digits });
  }

  // "PUMP-0042", "pump 42", "pump42"; a bare number of up to 6 digits is read as a Pump ID number too.
  const pumpNumber = PUMP_ID.exec(q)?.[1] ?? (BARE_PUMP_NUMBER.test(q) ? q : null);
  if (pumpNumber) terms.push({ kind: "pump_id", pumpIds: pumpIdCandidates(pumpNumber) });

  const lower = q.toLowerCase();
  if (ORG_ID.test(lower)) terms.push({ kind: "org_id", orgId: lower });
  if (HANDSHAKE_ID.test(lower)) terms.push({ kind: "handshake_id", handshakeId: lower });
  if (EMAIL.test(lower)) terms.push({ kind: "email", email: lower });

  // Free text: only when nothing structured was recognised (an ARN or a Pump ID is never a company name), and
  // never for a malformed ARN or a number of the wrong length, which would only match noise.
  if (terms.length === 0 && arnText === null && !DIGITS_WITH_SEPARATORS.test(q)) {
    const name = lower.replace(/\s+/g, " ");
    if (ALNUM_RUN_2.test(name)) terms.push({ kind: "name", name, hasSubstring: ALNUM_RUN_3.test(name) });
    if (EMAIL_LOCAL_PREFIX.test(lower) && !/^\d+$/.test(lower)) terms.push({ kind: "email", email: lower });
  }

  // Exact only, and only for roles allowed to see External IDs: for anyone else the kind does not exist.
  if (options.canSearchExternalId && EXTERNAL_ID.test(q)) terms.push({ kind: "external_id", externalId: q });
  return terms;
}

/**
 * What was understood of a query that found nothing, when there is more to say than "nothing matches": for now,
 * ARN-shaped text (which account it was read as, or why no account could be read from it).
 */
export function describeUnmatched(input: unknown): string | undefined {
  const q = normaliseQuery(input);
  const arnText = q === null ? null : findArnText(q);
  return arnText === null ? undefined : describeArnReading(readArn(arnText));
}

/** `42` → PUMP-0042; `00042` → PUMP-0042 and PUMP-00042 (the format allows more than four digits). */
function pumpIdCandidates(digits: string): string[] {
  const canonical = `PUMP-${digits.replace(/^0+(?=\d)/, "").padStart(4, "0")}`;
  const asTyped = `PUMP-${digits}`;
  return digits.length >= 4 && asTyped !== canonical ? [canonical, asTyped] : [canonical];
}

/**
 * `arn:<partition>:iam::<account>:role/<path/><name>` and `arn:<partition>:sts::<account>:assumed-role/<role>/<session>`;
 * any other IAM/STS ARN still names its account. Split by hand, not by one nested regex (no backtracking blow-up).
 */
function parseArn(q: string): Extract<SearchTerm, { kind: "arn" }> | null {
  const match = ARN.exec(q);
  if (!match) return null;
  const [, partition, service, accountId, resource] = match as unknown as [string, string, string, string, string];
  const none = { kind: "arn" as const, accountId, roleArn: null, roleName: null, isAssumedRole: false };
  if (service === "iam" && resource.startsWith("role/")) {
    const name = resource.slice(resource.lastIndexOf("/") + 1);
    return ROLE_NAME.test(name) ? { ...none, roleArn: q, roleName: name } : none;
  }
  if (service === "sts" && resource.startsWith("assumed-role/")) {
    const [, roleName, session, ...extra] = resource.split("/");
    if (roleName && session && extra.length === 0 && ROLE_NAME.test(roleName) && SESSION_NAME.test(session)) {
      // The assumed-role ARN drops the role's path: the path-less role ARN is the best exact guess.
      const roleArn = `arn:${partition}:iam::${accountId}:role/${roleName}`;
      return { ...none, roleArn, roleName, isAssumedRole: true };
    }
  }
  return none;
}
