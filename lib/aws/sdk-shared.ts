import "server-only";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { AwsDomainError } from "./errors";
import type { AwsCredentials } from "./gateway";

/** What every SDK client of the gateway shares: retries, timeouts, and how a session's credentials are passed. */

// Standard mode: exponential backoff with jitter on throttling and transient errors, three attempts in all.
export const retries = { retryMode: "standard", maxAttempts: 3 } as const;

// Without a timeout a hung connection would hold a server action forever; with one it fails as `network`.
export const requestHandler = { connectionTimeout: 5_000, requestTimeout: 15_000, throwOnRequestTimeout: true };

export const sessionCredentials = (c: AwsCredentials) => ({
  accessKeyId: c.accessKeyId,
  secretAccessKey: c.secretAccessKey,
  sessionToken: c.sessionToken,
  expiration: c.expiration,
});

/** Static credentials, or a provider (the console's own, e.g. the SDK's default chain). */
export type CredentialsSource = AwsCredentials | (() => Promise<AwsCredentials>);

/**
 * Organizations is a global service served from us-east-1 (https://docs.aws.amazon.com/general/latest/gr/ao.html),
 * whatever Region the console runs in. `credentials` omitted = the SDK's default chain; callers pass an operator
 * session's credentials to act in a Pump organization's management account.
 */
export function createOrganizationsClient(
  credentials?: CredentialsSource,
  opts: { noRetry?: boolean } = {},
): OrganizationsClient {
  return new OrganizationsClient({
    region: "us-east-1",
    ...retries,
    ...(opts.noRetry ? { maxAttempts: 1 } : {}),
    requestHandler,
    ...(credentials
      ? { credentials: typeof credentials === "function" ? credentials : sessionCredentials(credentials) }
      : {}),
  });
}

export function required<T>(value: T | undefined | null, operation: string, field: string): T {
  if (value === undefined || value === null) {
    throw new AwsDomainError({
      code: "service_error",
      awsErrorName: "IncompleteResponse",
      operation,
      message: `${operation}: AWS returned a response without ${field}. Try again; report it if it persists.`,
    });
  }
  return value;
}
