import "server-only";
import { sandboxHttpOperations } from "./sandbox-http-operations";
import { ExpiredTokenException, STSServiceException } from "@aws-sdk/client-sts";
import { eq, lt } from "drizzle-orm";
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "@/db/client";
import { sandboxCredentials, sandboxIamRoles } from "@/db/schema";
import { mapAwsError, type AwsErrorContext } from "./errors";
import type { AssumeRoleParams, AwsGateway, AwsSession, CallerIdentity } from "./gateway";
import { sandboxOrganizationsOperations } from "./sandbox-organizations";
import { organizationsNow } from "./sandbox-org-rules";
import { sandboxRoleUniqueId, sandboxWorld } from "./sandbox-world";
import {
  assumeRoleValidationErrors,
  chainedDurationMessage,
  durationSeconds as durationRule,
  maxSessionDurationMessage,
  validationErrorMessage,
} from "./sts-rules";

/**
 * AWS STS as documented, with its state in `sandbox_iam_roles` / `sandbox_credentials`. It raises the same SDK
 * exceptions AWS would (modeled classes, or STSServiceException named after an unmodeled wire code) and passes them
 * through `mapAwsError`, so callers see exactly the AwsDomainError the SDK gateway would give them.
 */

type Caller = { account: string; arn: string; userId: string; isRoleSession: boolean };

// Stored rows with credentials long expired are pruned; within this window they still answer "expired".
const PRUNE_AFTER_MS = 24 * 3600 * 1000;

const metadata = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

const validationError = (message: string) =>
  new STSServiceException({ name: "ValidationError", $fault: "client", ...metadata(400), message });

// AssumeRole's one answer for a missing role, an untrusted caller and a wrong/missing External ID: AWS gives all three
// the same AccessDenied and documents no distinct code (observed; README › Architecture, AWS gateway).
const accessDenied = (caller: Caller, roleArn: string) =>
  new STSServiceException({
    name: "AccessDenied",
    $fault: "client",
    ...metadata(403),
    message: `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
  });

const expiredToken = () =>
  new ExpiredTokenException({ message: "The security token included in the request is expired", ...metadata(400) });

/** Constant-time comparison; a length mismatch is simply "different". */
function constantTimeEqual(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const upperAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const randomFrom = (alphabet: string, length: number) =>
  Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join("");

export function createSandboxGateway(db: Db, opts: { now?: () => Date } = {}): AwsGateway {
  const now = opts.now ?? (() => new Date());

  async function run<T>(context: AwsErrorContext, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw mapAwsError(error, context);
    }
  }

  /** Like AWS, identity comes from the credentials alone, never from what the session object claims. */
  async function resolveCaller(as: AwsSession | undefined): Promise<Caller> {
    if (!as || as.kind === "console") {
      const { accountId, arn, userId } = sandboxWorld.console;
      return { account: accountId, arn, userId, isRoleSession: false };
    }
    const { accessKeyId, secretAccessKey, sessionToken } = as.credentials;
    const [row] = await db.select().from(sandboxCredentials).where(eq(sandboxCredentials.accessKeyId, accessKeyId));
    // Unknown keys (e.g. after the sandbox database was reset) read as expired: the fix is the same, assume again.
    if (
      !row ||
      !constantTimeEqual(row.secretAccessKey, secretAccessKey) ||
      !constantTimeEqual(row.sessionToken, sessionToken ?? "")
    ) {
      throw expiredToken();
    }
    if (row.expiresAt.getTime() <= now().getTime()) throw expiredToken();
    const sessionName = row.arn.slice(row.arn.lastIndexOf("/") + 1);
    return {
      account: row.accountId,
      arn: row.arn,
      userId: `${sandboxRoleUniqueId(row.roleArn)}:${sessionName}`,
      isRoleSession: true,
    };
  }

  async function issueSession(p: AssumeRoleParams, accountId: string, duration: number, chained: boolean) {
    const issuedAt = now();
    await db
      .delete(sandboxCredentials)
      .where(lt(sandboxCredentials.expiresAt, new Date(issuedAt.getTime() - PRUNE_AFTER_MS)));
    const roleName = p.roleArn.slice(p.roleArn.lastIndexOf("/") + 1);
    const credentials = {
      accessKeyId: `ASIA${randomFrom(upperAlphanumeric, 16)}`,
      secretAccessKey: randomBytes(30).toString("base64"),
      sessionToken: randomBytes(240).toString("base64"),
      expiration: new Date(issuedAt.getTime() + duration * 1000),
    };
    const arn = `arn:aws:sts::${accountId}:assumed-role/${roleName}/${p.sessionName}`;
    await db.insert(sandboxCredentials).values({
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      arn,
      accountId,
      roleArn: p.roleArn,
      isChained: chained,
      expiresAt: credentials.expiration,
    });
    return { kind: "assumed", arn, accountId, roleArn: p.roleArn, credentials, chained } satisfies AwsSession;
  }

  return {
    mode: "sandbox",

    now: () => organizationsNow(db, now()),

    ...sandboxHttpOperations(db),

    ...sandboxOrganizationsOperations(db, now, async (as) => (await resolveCaller(as)).account),

    getCallerIdentity(as) {
      return run({ operation: "GetCallerIdentity" }, async (): Promise<CallerIdentity> => {
        const { account, arn, userId } = await resolveCaller(as);
        return { account, arn, userId };
      });
    },

    assumeRole(p) {
      return run({ operation: "AssumeRole", roleArn: p.roleArn }, async () => {
        // Order as AWS: authenticate the caller, validate the parameters, then evaluate the trust policy.
        const caller = await resolveCaller(p.as);
        const invalid = assumeRoleValidationErrors(p);
        if (invalid.length > 0) throw validationError(validationErrorMessage(invalid));
        const duration = p.durationSeconds ?? durationRule.default;
        if (caller.isRoleSession && duration > durationRule.chainedMax) throw validationError(chainedDurationMessage);

        const [role] = await db.select().from(sandboxIamRoles).where(eq(sandboxIamRoles.arn, p.roleArn));
        const trusted = role !== undefined && role.trustedAccountId === caller.account;
        // No condition = AWS accepts any External ID, or none: the "unprotected" role.
        const externalIdOk =
          role?.requiredExternalId == null ||
          (p.externalId !== undefined && constantTimeEqual(role.requiredExternalId, p.externalId));
        if (!role || !trusted || !externalIdOk) throw accessDenied(caller, p.roleArn);
        if (duration > role.maxSessionDuration) throw validationError(maxSessionDurationMessage);

        return issueSession(p, role.accountId, duration, caller.isRoleSession);
      });
    },
  };
}
