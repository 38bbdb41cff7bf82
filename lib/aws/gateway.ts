/**
 * What the product needs from AWS, in domain terms. Two implementations: the SDK (real AWS) and the sandbox
 * (AWS's documented behaviour, state in the database). Both throw `AwsDomainError` (lib/aws/errors.ts) and
 * nothing else, so callers handle one error type whichever is running.
 *
 * New capabilities (Organizations invites, IAM trust policies…) are added as methods here; each takes an optional
 * `as` session, omitted = the console's own principal.
 */

/** Temporary (or long-term) AWS credentials. Never log them. */
export type AwsCredentials = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
};

/**
 * Who makes a call: the console's own principal, or a role session it obtained through AssumeRole.
 * `chained` = the session was assumed by another assumed-role session, so AWS caps it at one hour.
 */
export type AwsSession =
  | { kind: "console" }
  | { kind: "assumed"; arn: string; accountId: string; roleArn: string; credentials: AwsCredentials; chained: boolean };

export type CallerIdentity = { account: string; arn: string; userId: string };

export type AssumeRoleParams = {
  roleArn: string;
  /** 2–64 chars `[\w+=,.@-]`; visible to and logged by the role's owner (see role-chain.ts `sessionNameFor`). */
  sessionName: string;
  externalId?: string;
  /** 900–43200, default 3600; at most 3600 when `as` is itself an assumed-role session (role chaining). */
  durationSeconds?: number;
  as?: AwsSession;
};

export type AwsGateway = {
  readonly mode: "sdk" | "sandbox";
  getCallerIdentity(as?: AwsSession): Promise<CallerIdentity>;
  assumeRole(p: AssumeRoleParams): Promise<AwsSession>;
  /** GET an SNS signing certificate (PEM). The URL must already have passed `isTrustedSigningCertUrl`. */
  fetchSnsSigningCertificate(url: string): Promise<string>;
  /** Confirms an SNS subscription with a GET on its SubscribeURL (already pinned by the caller). */
  confirmSnsSubscription(subscribeUrl: string): Promise<void>;
  /** PUTs a custom-resource response (≤ 4,096 bytes) to CloudFormation's pre-signed ResponseURL. */
  sendCloudFormationResponse(responseUrl: string, body: string): Promise<void>;
};

/** The console's own principal, spelled out for call sites that read better with it than with `undefined`. */
export const consoleSession: AwsSession = { kind: "console" };
