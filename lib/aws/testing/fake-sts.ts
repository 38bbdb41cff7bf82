// Test helper only (imported by sdk-gateway.test.ts): an STS stand-in behind aws-sdk-client-mock, programmed from
// the sandbox world and written independently of the sandbox gateway, so the contract compares two implementations.
import {
  AssumeRoleCommand,
  ExpiredTokenException,
  GetCallerIdentityCommand,
  STSClient,
  STSServiceException,
  type AssumeRoleCommandInput,
} from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { randomBytes } from "node:crypto";
import { sandboxRoleUniqueId, sandboxRoles, sandboxWorld } from "../sandbox-world";

export const FAKE_CONSOLE_CREDENTIALS = {
  accessKeyId: "AKIAPUMPCONSOLE00001",
  secretAccessKey: "fake-console-secret-for-tests-only-000000",
};

type Issued = { secret: string; token: string; arn: string; account: string; userId: string; expiresAt: number };
type Caller = { account: string; arn: string; userId: string; isRoleSession: boolean };
type ClientLike = {
  config: { credentials: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }> };
};

const awsError = (name: string, status: number, message: string) =>
  new STSServiceException({ name, $fault: "client", $metadata: { httpStatusCode: status }, message });

export function createFakeSts(clock: () => Date) {
  const sts = mockClient(STSClient);
  const issued = new Map<string, Issued>();

  // Who signed the call: read from the calling client's own credentials, as AWS reads the signature.
  async function callerOf(getClient: () => unknown): Promise<Caller> {
    const creds = await (getClient() as ClientLike).config.credentials();
    if (creds.accessKeyId === FAKE_CONSOLE_CREDENTIALS.accessKeyId) {
      const { accountId, arn, userId } = sandboxWorld.console;
      return { account: accountId, arn, userId, isRoleSession: false };
    }
    const s = issued.get(creds.accessKeyId);
    if (!s || s.secret !== creds.secretAccessKey || s.token !== creds.sessionToken) {
      throw awsError("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
    }
    if (s.expiresAt <= clock().getTime()) {
      throw new ExpiredTokenException({
        message: "The security token included in the request is expired",
        $metadata: { httpStatusCode: 400 },
      });
    }
    return { account: s.account, arn: s.arn, userId: s.userId, isRoleSession: true };
  }

  function validate(input: AssumeRoleCommandInput, chained: boolean) {
    const problems: string[] = [];
    const name = input.RoleSessionName ?? "";
    if (name.length < 2 || name.length > 64 || !/^[\w+=,.@-]*$/.test(name)) {
      problems.push(
        `Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
      );
    }
    const ext = input.ExternalId;
    if (ext !== undefined && (ext.length < 2 || ext.length > 1224 || !/^[\w+=,.@:/-]*$/.test(ext))) {
      // Real AWS echoes the value here; mapAwsError must redact it.
      problems.push(
        `Value '${ext}' at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@:/-]*`,
      );
    }
    const d = input.DurationSeconds;
    if (d !== undefined && (d < 900 || d > 43200)) {
      problems.push(
        `Value '${d}' at 'durationSeconds' failed to satisfy constraint: Member must be between 900 and 43200`,
      );
    }
    if (problems.length > 0) {
      throw awsError("ValidationError", 400, `${problems.length} validation error(s) detected: ${problems.join("; ")}`);
    }
    if (chained && (d ?? 3600) > 3600) {
      throw awsError(
        "ValidationError",
        400,
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
      );
    }
  }

  function install() {
    sts.reset();
    sts.on(GetCallerIdentityCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
      const caller = await callerOf(getClient);
      return { Account: caller.account, Arn: caller.arn, UserId: caller.userId, $metadata: {} };
    });
    sts.on(AssumeRoleCommand).callsFake(async (input: AssumeRoleCommandInput, getClient: () => unknown) => {
      const caller = await callerOf(getClient);
      validate(input, caller.isRoleSession);
      const role = sandboxRoles.find((r) => r.arn === input.RoleArn);
      const externalIdOk = role?.requiredExternalId == null || role.requiredExternalId === input.ExternalId;
      if (!role || role.trustedAccountId !== caller.account || !externalIdOk) {
        throw awsError(
          "AccessDenied",
          403,
          `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`,
        );
      }
      const duration = input.DurationSeconds ?? 3600;
      if (duration > role.maxSessionDuration) {
        throw awsError(
          "ValidationError",
          400,
          "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
        );
      }
      const accessKeyId = "ASIA" + randomBytes(8).toString("hex").toUpperCase();
      const roleName = role.arn.slice(role.arn.lastIndexOf("/") + 1);
      const entry: Issued = {
        secret: randomBytes(30).toString("base64"),
        token: randomBytes(200).toString("base64"),
        arn: `arn:aws:sts::${role.accountId}:assumed-role/${roleName}/${input.RoleSessionName}`,
        account: role.accountId,
        userId: `${sandboxRoleUniqueId(role.arn)}:${input.RoleSessionName}`,
        expiresAt: clock().getTime() + duration * 1000,
      };
      issued.set(accessKeyId, entry);
      return {
        Credentials: {
          AccessKeyId: accessKeyId,
          SecretAccessKey: entry.secret,
          SessionToken: entry.token,
          Expiration: new Date(entry.expiresAt),
        },
        AssumedRoleUser: { Arn: entry.arn, AssumedRoleId: entry.userId },
        $metadata: {},
      };
    });
  }

  install();
  /** The account an access key belongs to, as AWS resolves a signature (for the fake Organizations). */
  const accountOf = (accessKeyId: string) =>
    accessKeyId === FAKE_CONSOLE_CREDENTIALS.accessKeyId
      ? sandboxWorld.console.accountId
      : issued.get(accessKeyId)?.account;
  return { mock: sts, install, accountOf };
}
