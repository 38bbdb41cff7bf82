import "server-only";
import { sdkHttpOperations } from "./sdk-http-operations";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, type STSClientConfig } from "@aws-sdk/client-sts";
import { mapAwsError, type AwsErrorContext } from "./errors";
import type { AwsGateway, AwsSession } from "./gateway";
import { sdkOrganizationsOperations } from "./sdk-organizations";
import { requestHandler, required, retries, sessionCredentials } from "./sdk-shared";

export { createOrganizationsClient } from "./sdk-shared";

/** The real AWS, through SDK v3. Every SDK error leaves as an AwsDomainError (mapAwsError). */

export type SdkGatewayOptions = {
  region: string;
  /** The console's own credentials; omitted = the SDK's default chain (task/instance role, profile, environment). */
  consoleCredentials?: STSClientConfig["credentials"];
};

/** `arn:aws:sts::<account>:assumed-role/<role>/<session>` → `<account>`. */
const accountOf = (arn: string) => arn.split(":")[4] ?? "";

export function createSdkGateway({ region, consoleCredentials }: SdkGatewayOptions): AwsGateway {
  const consoleSts = new STSClient({
    region,
    ...retries,
    requestHandler,
    ...(consoleCredentials ? { credentials: consoleCredentials } : {}),
  });

  /**
   * Runs one STS call as `as`: the console's long-lived client, or a short-lived client signed with an assumed
   * session's credentials (role chaining: console → operator role → customer role).
   */
  async function withSts<T>(as: AwsSession | undefined, context: AwsErrorContext, fn: (sts: STSClient) => Promise<T>) {
    const sts =
      as?.kind === "assumed"
        ? new STSClient({ region, ...retries, requestHandler, credentials: sessionCredentials(as.credentials) })
        : consoleSts;
    try {
      return await fn(sts);
    } catch (error) {
      throw mapAwsError(error, context);
    } finally {
      // Per-session clients hold their own sockets; release them now rather than at garbage collection.
      if (sts !== consoleSts) sts.destroy();
    }
  }

  return {
    mode: "sdk",

    now: async () => new Date(),

    ...sdkHttpOperations,

    ...sdkOrganizationsOperations(consoleCredentials),

    getCallerIdentity(as) {
      const operation = "GetCallerIdentity";
      return withSts(as, { operation }, async (sts) => {
        const out = await sts.send(new GetCallerIdentityCommand({}));
        return {
          account: required(out.Account, operation, "Account"),
          arn: required(out.Arn, operation, "Arn"),
          userId: required(out.UserId, operation, "UserId"),
        };
      });
    },

    assumeRole(p) {
      const operation = "AssumeRole";
      return withSts(p.as, { operation, roleArn: p.roleArn }, async (sts): Promise<AwsSession> => {
        const out = await sts.send(
          new AssumeRoleCommand({
            RoleArn: p.roleArn,
            RoleSessionName: p.sessionName,
            ExternalId: p.externalId,
            DurationSeconds: p.durationSeconds,
          }),
        );
        const c = required(out.Credentials, operation, "Credentials");
        const arn = required(out.AssumedRoleUser?.Arn, operation, "AssumedRoleUser.Arn");
        return {
          kind: "assumed",
          arn,
          accountId: accountOf(arn),
          roleArn: p.roleArn,
          credentials: {
            accessKeyId: required(c.AccessKeyId, operation, "Credentials.AccessKeyId"),
            secretAccessKey: required(c.SecretAccessKey, operation, "Credentials.SecretAccessKey"),
            sessionToken: c.SessionToken,
            expiration: c.Expiration,
          },
          // As in the sandbox, the console principal itself does not count as chaining (like an EC2 instance
          // profile). If it runs as a role session (Lambda/ECS), AWS also caps hop 1 at one hour and says so.
          chained: p.as?.kind === "assumed",
        };
      });
    },
  };
}
