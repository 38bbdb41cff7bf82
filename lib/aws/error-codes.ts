/** The domain codes every AWS failure is mapped to (lib/aws/errors.ts). Callers branch on these, never on SDK names. */
export const awsErrorCodes = [
  "access_denied",
  "expired_token",
  // The credentials AWS received are not valid at all (bad key, bad signature, clock skew): usually the console's own.
  "invalid_client_token",
  // The SDK found no credentials for the console's own principal.
  "credentials_unavailable",
  "region_disabled",
  "malformed_policy",
  "packed_policy_too_large",
  "invalid_input",
  "invalid_identity_token",
  "identity_provider_unreachable",
  "feature_disabled",
  "throttled",
  "service_error",
  // Timeouts, refused/reset connections, DNS: AWS may or may not have received the request.
  "network",
  "concurrent_modification",
  "not_found",
  "already_exists",
  "already_in_organization",
  "invalid_state",
  "not_empty",
  "duplicate_handshake",
  "constraint_violation",
  "handshake_constraint_violation",
  "org_not_in_use",
  "account_owner_not_verified",
  "finalizing_organization",
  "management_account_cannot_leave",
  "policy_type_unavailable",
  "unsupported_endpoint",
  "unknown",
] as const;

export type AwsErrorCode = (typeof awsErrorCodes)[number];

/** How one AWS error name reads in Pump: a code, plain words a support engineer can act on, and whether to retry. */
export type AwsErrorCatalogEntry = { code: AwsErrorCode; message: string; retryable?: boolean };

/** Codes where the same call may succeed later without anyone changing anything. */
export const retryableCodes: ReadonlySet<AwsErrorCode> = new Set<AwsErrorCode>([
  "throttled",
  "service_error",
  "network",
  "concurrent_modification",
  "finalizing_organization",
  "identity_provider_unreachable",
]);
