import { awsErrorCatalog, networkEntry, serviceErrorEntry, throttledEntry } from "./error-catalog";
import { retryableCodes, type AwsErrorCatalogEntry, type AwsErrorCode } from "./error-codes";
import { describeOrganizationsReason } from "./organizations-reasons";

export { awsErrorCodes, type AwsErrorCode } from "./error-codes";

/** Which call failed; the role ARN lets AssumeRole denials name the role. */
export type AwsErrorContext = { operation: string; roleArn?: string };

type AwsDomainErrorInit = {
  code: AwsErrorCode;
  message: string;
  awsErrorName: string;
  reason?: string;
  retryable?: boolean;
  httpStatus?: number;
  operation?: string;
  cause?: unknown;
};

/** The only error the AWS gateways throw. `message` is written for a support engineer; branch on `code`. */
export class AwsDomainError extends Error {
  readonly code: AwsErrorCode;
  /** The SDK's error name (`ExpiredTokenException`, unmodeled wire codes such as `AccessDenied`, `TimeoutError`…). */
  readonly awsErrorName: string;
  /** Organizations' `Reason` (ACCOUNT_NUMBER_LIMIT_EXCEEDED…). Open string: AWS adds reasons over time. */
  readonly reason?: string;
  readonly retryable: boolean;
  readonly httpStatus?: number;
  readonly operation?: string;

  constructor(init: AwsDomainErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "AwsDomainError";
    this.code = init.code;
    this.awsErrorName = init.awsErrorName;
    this.reason = init.reason;
    this.retryable = init.retryable ?? retryableCodes.has(init.code);
    this.httpStatus = init.httpStatus;
    this.operation = init.operation;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

// A brand rather than `instanceof`: Next bundles route handlers and server actions as separate module instances,
// and the gateway (cached per process) may throw the other instance's class.
const BRAND = Symbol.for("pump.AwsDomainError");

export function isAwsDomainError(error: unknown): error is AwsDomainError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}

// Node socket errors: the request may or may not have reached AWS.
const networkErrnos = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

type RawAwsError = {
  name: string;
  message: string;
  httpStatus?: number;
  fault?: string;
  reason?: string;
  errno?: string;
};

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

function readRaw(err: unknown): RawAwsError {
  if (typeof err !== "object" || err === null) return { name: "NonError", message: String(err) };
  const e = err as Record<string, unknown>;
  const status = (e.$metadata as { httpStatusCode?: unknown } | undefined)?.httpStatusCode;
  return {
    name: text(e.name) ?? "Error",
    message: text(e.message) ?? text(e.Message) ?? "",
    httpStatus: typeof status === "number" ? status : undefined,
    fault: text(e.$fault),
    reason: text(e.Reason),
    errno: text(e.code),
  };
}

function lookup(raw: RawAwsError): AwsErrorCatalogEntry | undefined {
  const known = awsErrorCatalog[raw.name];
  if (known) return known;
  if (raw.httpStatus === undefined && raw.errno && networkErrnos.has(raw.errno)) return networkEntry;
  if (raw.httpStatus === 429) return throttledEntry;
  if ((raw.httpStatus ?? 0) >= 500 || raw.fault === "server") return serviceErrorEntry;
  return undefined;
}

/**
 * AssumeRole's AccessDenied is one 403 for several causes AWS will not tell apart (observed; AWS documents no distinct
 * code; README › Architecture, AWS gateway); the message lists them all so the support engineer checks each instead of
 * trusting the first guess.
 */
function assumeRoleDenied(roleArn: string | undefined) {
  const role = roleArn ? `role ${roleArn}` : "the role";
  return (
    `AWS refused to let Pump assume ${role}. AWS returns this same AccessDenied error for several causes and does ` +
    "not say which one applies: (1) the role does not exist: a typo in the role ARN or account ID, or the role was " +
    "deleted; (2) the External ID does not match the sts:ExternalId condition of the role's trust policy, or none " +
    "was sent and the role requires one; (3) the role's trust policy does not name Pump's principal (the Pump " +
    "organization's management account or its operator role); (4) a policy on Pump's side (IAM policy, permissions " +
    "boundary or SCP) denies sts:AssumeRole. Check them with the customer in that order."
  );
}

// AWS echoes rejected values in validation messages; an External ID or MFA code must not reach logs or screens.
const sensitiveValue = /Value '((?:(?!' at ')[\s\S])*)' at '(externalId|tokenCode|serialNumber|policy)'/gi;

function awsDetail(message: string) {
  const redacted = message.replace(sensitiveValue, "Value '[redacted]' at '$2'");
  const text = redacted.length > 600 ? `${redacted.slice(0, 600)}…` : redacted;
  return { text, hadSecret: redacted !== message };
}

/** Turns anything an AWS SDK call (or the sandbox) threw into an AwsDomainError with an actionable message. */
export function mapAwsError(err: unknown, context?: AwsErrorContext): AwsDomainError {
  if (isAwsDomainError(err)) return err;
  const raw = readRaw(err);
  const entry = lookup(raw);
  const code: AwsErrorCode = entry?.code ?? "unknown";
  const summary =
    code === "access_denied" && context?.operation === "AssumeRole"
      ? assumeRoleDenied(context.roleArn)
      : (entry?.message ??
        `AWS returned an error Pump does not recognise (${raw.name}${raw.httpStatus ? `, HTTP ${raw.httpStatus}` : ""}).`);
  const parts = [context ? `${context.operation}: ${summary}` : summary];
  if (raw.reason) parts.push(describeOrganizationsReason(raw.reason));
  const detail = awsDetail(raw.message);
  if (detail.text) parts.push(`AWS said: "${detail.text}"`);
  return new AwsDomainError({
    code,
    message: parts.join(" "),
    awsErrorName: raw.name,
    reason: raw.reason,
    retryable: entry?.retryable,
    httpStatus: raw.httpStatus,
    operation: context?.operation,
    // The original keeps AWS's unredacted text: drop it rather than let a logger print the secret through `cause`.
    cause: detail.hadSecret ? undefined : err,
  });
}
