/**
 * AWS identifiers as the console reads and shows them. Pure and client-safe: the forms, the page and the zod
 * schemas share one definition, and it matches the database's CHECK constraints on aws_accounts.
 */

/** Staff paste account IDs as `1234-5678-9012` or `1234 5678 9012`; the database stores the 12 digits. */
export function normaliseAccountId(value: string): string {
  return value.replace(/[\s-]/g, "");
}

export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** `123456789012` → `1234-5678-9012`, the way the AWS console shows it. */
export function formatAccountId(accountId: string): string {
  return ACCOUNT_ID_PATTERN.test(accountId) ? accountId.replace(/^(\d{4})(\d{4})(\d{4})$/, "$1-$2-$3") : accountId;
}

export type RoleArn = { accountId: string; path: string; name: string };

const PREFIX = /^arn:aws:iam::(\d{12}):role\/(.+)$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const PRINTABLE = /^[\x21-\x7e]*$/;

/**
 * `arn:aws:iam::<12 digits>:role/<path><name>`, the same language as the aws_accounts_role_arn_matches_account
 * check: an optional path of printable ASCII ending in `/`, then a role name of AWS's charset.
 * Parsed by splitting at the last `/` rather than with one nested-quantifier regex, which could backtrack
 * exponentially on hostile input (ReDoS).
 */
export function parseRoleArn(value: string): RoleArn | null {
  if (value.length > 2048) return null;
  const match = PREFIX.exec(value);
  if (!match) return null;
  const [, accountId, rest] = match as unknown as [string, string, string];
  const cut = rest.lastIndexOf("/") + 1;
  const path = rest.slice(0, cut);
  const name = rest.slice(cut);
  if (!ROLE_NAME.test(name)) return null;
  // AWS paths are 1–512 characters; the database accepts an empty path or one of at least two characters.
  if (path !== "" && (path.length < 2 || path.length > 512 || !PRINTABLE.test(path))) return null;
  return { accountId, path, name };
}
