import "server-only";
import { createHash } from "node:crypto";
import type { AwsGateway, AwsSession } from "./gateway";
import { roleSessionNameLength } from "./sts-rules";

/**
 * The console's two-hop role chain: console principal → operator role in a Pump organization's management account
 * → customer role (with the customer's External ID). Both hops carry the staff member's session name, so the
 * customer's CloudTrail shows who at Pump acted.
 */

export type StaffRef = { email: string };

const PREFIX = "pump-";
const HASH_LENGTH = 8;

/**
 * A RoleSessionName (2–64 chars, `[\w+=,.@-]`) naming the staff member: `pump-` + lower-cased email. Characters
 * AWS refuses become `-`; when anything had to change (replaced characters, or too long to fit), a short hash of
 * the full email is appended so two different staff members can never share a session name.
 */
export function sessionNameFor(staff: StaffRef): string {
  const email = staff.email.trim().toLowerCase();
  if (email === "") throw new Error("sessionNameFor: the staff member has no email");
  // `\w` without the `u` flag is ASCII-only, like AWS's pattern: non-ASCII letters are replaced too.
  const clean = email.replace(/[^\w+=,.@-]/g, "-");
  const plain = PREFIX + clean;
  if (clean === email && plain.length <= roleSessionNameLength.max) return plain;
  const hash = createHash("sha256").update(email).digest("hex").slice(0, HASH_LENGTH);
  const room = roleSessionNameLength.max - PREFIX.length - HASH_LENGTH - 1;
  return `${PREFIX}${clean.slice(0, room)}-${hash}`;
}

/** Hop 1: the operator role in a Pump organization's management account, as the console's own principal. */
export function assumeOperatorRole(gateway: AwsGateway, p: { operatorRoleArn: string; staff: StaffRef }) {
  return gateway.assumeRole({ roleArn: p.operatorRoleArn, sessionName: sessionNameFor(p.staff) });
}

export type AssumeCustomerRoleParams = {
  operatorRoleArn: string;
  customerRoleArn: string;
  externalId?: string;
  staff: StaffRef;
};

/**
 * Hop 1 then hop 2. The customer session is chained, so AWS caps it at one hour (the default duration). Failures
 * are AwsDomainErrors; `operation` and the message name which hop's role was refused.
 */
export async function assumeCustomerRole(gateway: AwsGateway, p: AssumeCustomerRoleParams): Promise<AwsSession> {
  const operator = await assumeOperatorRole(gateway, p);
  return gateway.assumeRole({
    roleArn: p.customerRoleArn,
    sessionName: sessionNameFor(p.staff),
    externalId: p.externalId,
    as: operator,
  });
}
