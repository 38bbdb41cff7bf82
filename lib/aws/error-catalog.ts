import type { AwsErrorCatalogEntry } from "./error-codes";
import { organizationsErrors } from "./organizations-errors";

/**
 * Every AWS error name Pump knows, keyed by the SDK's `err.name`: the modeled exception classes of
 * @aws-sdk/client-sts and @aws-sdk/client-organizations (a test enumerates them, so a new SDK class fails CI until
 * it is listed), plus the unmodeled codes AWS sends on the wire (the SDK then names the error after the code).
 */

const expiredToken: AwsErrorCatalogEntry = {
  code: "expired_token",
  message: "The temporary AWS credentials used for this call have expired. Assume the role again to get fresh ones.",
};

/** Modeled STS exceptions (@aws-sdk/client-sts). */
const stsErrors: Record<string, AwsErrorCatalogEntry> = {
  ExpiredTokenException: expiredToken,
  ExpiredTradeInTokenException: {
    code: "expired_token",
    message: "The trade-in token has expired and can no longer be exchanged for credentials. Request a new token.",
  },
  IDPCommunicationErrorException: {
    code: "identity_provider_unreachable",
    message: "AWS could not reach the identity provider to verify the web identity token. Try again shortly.",
  },
  IDPRejectedClaimException: {
    code: "invalid_identity_token",
    message: "The identity provider rejected the web identity token (invalid, expired or revoked claim).",
  },
  InvalidIdentityTokenException: {
    code: "invalid_identity_token",
    message: "AWS could not validate the web identity token. Get a new token from the identity provider.",
  },
  InvalidAuthorizationMessageException: {
    code: "invalid_input",
    message: "The encoded authorization message could not be decoded: it is malformed or has expired.",
  },
  JWTPayloadSizeExceededException: {
    code: "invalid_input",
    message: "The requested web identity token is too large. Send fewer request tags.",
  },
  MalformedPolicyDocumentException: {
    code: "malformed_policy",
    message:
      "AWS rejected a policy document as malformed (invalid JSON or grammar, or a principal that does not exist). " +
      "Fix the policy and try again.",
  },
  OutboundWebIdentityFederationDisabledException: {
    code: "feature_disabled",
    message: "Outbound web identity federation is not enabled for this AWS account. Enable it in IAM first.",
  },
  PackedPolicyTooLargeException: {
    code: "packed_policy_too_large",
    message:
      "The session policies and session tags together are too large once packed by AWS. Send fewer or shorter ones.",
  },
  RegionDisabledException: {
    code: "region_disabled",
    message:
      "STS is not activated in this Region for the account that issues the credentials. An administrator of that " +
      "account must activate it (IAM > Account settings > STS endpoints), or Pump must use another Region.",
  },
  SessionDurationEscalationException: {
    code: "invalid_input",
    message: "The requested duration would outlive the original session. Request a shorter duration.",
  },
};

const invalidClientToken: AwsErrorCatalogEntry = {
  code: "invalid_client_token",
  message:
    "AWS did not accept the credentials that signed this call (unknown access key, wrong secret or a clock more than " +
    "5 minutes off). If the call was made as the console itself, check the console's AWS credentials configuration.",
};
const throttled: AwsErrorCatalogEntry = {
  code: "throttled",
  message: "AWS is throttling Pump's requests. Wait a minute and try again.",
};
const serviceError: AwsErrorCatalogEntry = {
  code: "service_error",
  message: "AWS had an internal error or is temporarily unavailable. Try again in a few minutes.",
};
const invalidInput: AwsErrorCatalogEntry = {
  code: "invalid_input",
  message: "AWS rejected a parameter of the request. Fix the value AWS names and try again.",
};
const network: AwsErrorCatalogEntry = {
  code: "network",
  message:
    "Pump could not get an answer from AWS (timeout or connection failure). AWS may or may not have received the " +
    "request: check the current state in AWS before repeating a change.",
};

/** Codes AWS returns without a modeled class, and errors the SDK raises itself. */
const commonErrors: Record<string, AwsErrorCatalogEntry> = {
  // STS's AccessDenied (HTTP 403) is not modeled: the SDK names the error after the wire code.
  AccessDenied: {
    code: "access_denied",
    message: "AWS denied the call: the principal Pump used is not allowed to perform it on this resource.",
  },
  ExpiredToken: expiredToken,
  InvalidClientTokenId: invalidClientToken,
  UnrecognizedClientException: invalidClientToken,
  SignatureDoesNotMatch: invalidClientToken,
  InvalidSignatureException: invalidClientToken,
  IncompleteSignature: invalidClientToken,
  MissingAuthenticationToken: invalidClientToken,
  RequestExpired: invalidClientToken,
  CredentialsProviderError: {
    code: "credentials_unavailable",
    message:
      "The console found no AWS credentials for its own principal. Configure them (instance/task role, " +
      "AWS_PROFILE or access keys), or run in sandbox mode (AWS_MODE=sandbox).",
  },
  Throttling: throttled,
  ThrottlingException: throttled,
  RequestLimitExceeded: throttled,
  InternalFailure: serviceError,
  InternalError: serviceError,
  InternalServerError: serviceError,
  ServiceUnavailable: serviceError,
  ServiceUnavailableException: serviceError,
  ValidationError: invalidInput,
  ValidationException: invalidInput,
  InvalidParameterValue: invalidInput,
  InvalidParameterCombination: invalidInput,
  MissingParameter: invalidInput,
  TimeoutError: network,
  RequestTimeout: network,
  RequestTimeoutException: network,
};

export const awsErrorCatalog: Readonly<Record<string, AwsErrorCatalogEntry>> = {
  ...commonErrors,
  ...stsErrors,
  ...organizationsErrors,
};

/** Used for any name the catalog lacks that still looks like a timeout or a dropped connection. */
export const networkEntry = network;
export const serviceErrorEntry = serviceError;
export const throttledEntry = throttled;
