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

/**
 * Handshake states (https://docs.aws.amazon.com/organizations/latest/APIReference/API_Handshake.html). Pending =
 * REQUESTED or OPEN (AWS shows new invites as OPEN); the rest are terminal.
 */
export type HandshakeState = "REQUESTED" | "OPEN" | "CANCELED" | "ACCEPTED" | "DECLINED" | "EXPIRED";

/** An Organizations invitation (an INVITE handshake) as Pump sees it. */
export type Handshake = {
  id: string;
  arn: string;
  state: HandshakeState;
  /** The invited account: the handshake's `ACCOUNT` party. */
  accountId: string;
  /** The inviting organization: the handshake's `ORGANIZATION` party. */
  organizationId: string;
  requestedAt: Date;
  /** 15 days after `requestedAt` for invitations. */
  expiresAt: Date;
};

export type InviteAccountParams = {
  /** 12-digit AWS account ID; sent as `Target {Type: "ACCOUNT"}`. */
  accountId: string;
  /** ≤ 1,024 chars, included in AWS's invitation e-mail. */
  notes?: string;
  /** Attached to the account when the invitation is accepted. */
  tags?: { key: string; value: string }[];
};

export type OrganizationSummary = {
  id: string;
  managementAccountId: string;
  featureSet: "ALL" | "CONSOLIDATED_BILLING";
};

export type AwsGateway = {
  readonly mode: "sdk" | "sandbox";
  /**
   * AWS's current time as this gateway sees it, for comparisons with AWS timestamps (expiry, the daily window):
   * the local clock for the SDK, the sandbox's movable Organizations clock for the sandbox.
   */
  now(): Promise<Date>;
  getCallerIdentity(as?: AwsSession): Promise<CallerIdentity>;
  assumeRole(p: AssumeRoleParams): Promise<AwsSession>;
  /** GET an SNS signing certificate (PEM). The URL must already have passed `isTrustedSigningCertUrl`. */
  fetchSnsSigningCertificate(url: string): Promise<string>;
  /** Confirms an SNS subscription with a GET on its SubscribeURL (already pinned by the caller). */
  confirmSnsSubscription(subscribeUrl: string): Promise<void>;
  /** PUTs a custom-resource response (≤ 4,096 bytes) to CloudFormation's pre-signed ResponseURL. */
  sendCloudFormationResponse(responseUrl: string, body: string): Promise<void>;

  // Organizations (https://docs.aws.amazon.com/organizations/latest/APIReference/Welcome.html), called as the operator
  // session in a Pump organization's management account.
  /** InviteAccountToOrganization with an ACCOUNT target. */
  inviteAccount(as: AwsSession, p: InviteAccountParams): Promise<Handshake>;
  /** Every INVITE handshake the organization sent and AWS still lists (terminal ones vanish after 30 days). */
  listInviteHandshakes(as: AwsSession): Promise<Handshake[]>;
  describeHandshake(as: AwsSession, handshakeId: string): Promise<Handshake>;
  cancelHandshake(as: AwsSession, handshakeId: string): Promise<Handshake>;
  /** Every account in the caller's organization, the management account included (ListAccounts, paginated). */
  listAccountIds(as: AwsSession): Promise<string[]>;
  /** The caller account's organization (any member may ask, e.g. a customer role's session); null = standalone. */
  describeOrganization(as: AwsSession): Promise<OrganizationSummary | null>;
};

/** The Organizations half of the gateway, which each implementation builds in its own module. */
export type OrganizationsOperations = Pick<
  AwsGateway,
  | "inviteAccount"
  | "listInviteHandshakes"
  | "describeHandshake"
  | "cancelHandshake"
  | "listAccountIds"
  | "describeOrganization"
>;

/** The console's own principal, spelled out for call sites that read better with it than with `undefined`. */
export const consoleSession: AwsSession = { kind: "console" };
