import type { AwsErrorCatalogEntry } from "./error-codes";

/**
 * Modeled exceptions of @aws-sdk/client-organizations. Those with a `Reason` (ConstraintViolation,
 * HandshakeConstraintViolation, InvalidInput, AccessDeniedForDependency) get the reason explained by
 * organizations-reasons.ts; the words here stay true whatever the reason.
 */
const entry = (code: AwsErrorCatalogEntry["code"], message: string, retryable?: boolean): AwsErrorCatalogEntry =>
  retryable === undefined ? { code, message } : { code, message, retryable };

const notFound = (what: string) =>
  entry("not_found", `AWS Organizations cannot find ${what}. Check the ID; it may have been deleted or never existed.`);

export const organizationsErrors: Record<string, AwsErrorCatalogEntry> = {
  AccessDeniedException: entry(
    "access_denied",
    "AWS Organizations denied the call: the role Pump used lacks the IAM permission for it, an SCP denies it, or the " +
      "call must come from the organization's management account (or a delegated administrator).",
  ),
  AccessDeniedForDependencyException: entry(
    "access_denied",
    "Organizations needs to create its service-linked role, and the role Pump used lacks " +
      "iam:CreateServiceLinkedRole for organizations.amazonaws.com.",
  ),
  AWSOrganizationsNotInUseException: entry(
    "org_not_in_use",
    "The account Pump called from is not a member of any AWS organization.",
  ),
  AccountAlreadyClosedException: entry("invalid_state", "The AWS account is already closed."),
  AccountAlreadyRegisteredException: entry(
    "already_exists",
    "The account is already a delegated administrator for this AWS service.",
  ),
  AccountNotFoundException: notFound("the account (or the calling account is not in an organization)"),
  AccountNotRegisteredException: entry(
    "not_found",
    "The account is not a delegated administrator for this AWS service.",
  ),
  AccountOwnerNotVerifiedException: entry(
    "account_owner_not_verified",
    "The management account's email address is not verified yet, so it cannot invite accounts. The owner of the " +
      "Pump organization's management account must verify it (AWS sends a verification email), then retry.",
  ),
  AlreadyInOrganizationException: entry(
    "already_in_organization",
    "This account is already a member of an organization; an account belongs to one organization at a time.",
  ),
  ChildNotFoundException: notFound("the account or OU (ChildId)"),
  ConcurrentModificationException: entry(
    "concurrent_modification",
    "Another request is changing the same Organizations resource right now. Wait a moment and try again.",
  ),
  ConflictException: entry("invalid_state", "The request conflicts with the current state of the resource."),
  ConstraintViolationException: entry(
    "constraint_violation",
    "AWS Organizations refused because the request would break one of its limits or rules.",
  ),
  CreateAccountStatusNotFoundException: notFound("the account-creation request (CreateAccountRequestId)"),
  DestinationParentNotFoundException: notFound("the destination root or OU"),
  DuplicateAccountException: entry("already_exists", "The account is already in that destination."),
  DuplicateHandshakeException: entry(
    "duplicate_handshake",
    "An identical handshake already exists, typically a pending invitation for this account. Look up the existing " +
      "invitation instead of sending another; to resend, cancel it first.",
  ),
  DuplicateOrganizationalUnitException: entry("already_exists", "An OU with that name already exists there."),
  DuplicatePolicyAttachmentException: entry("already_exists", "That policy is already attached to the target."),
  DuplicatePolicyException: entry("already_exists", "A policy with that name already exists."),
  EffectivePolicyNotFoundException: entry(
    "not_found",
    "There is no effective policy of this type for the account (the policy type is not enabled, or none is attached).",
  ),
  FinalizingOrganizationException: entry(
    "finalizing_organization",
    "The organization has not finished initializing (this can take up to an hour). Try again later; contact AWS " +
      "Support if it persists after an hour.",
  ),
  HandshakeAlreadyInStateException: entry("invalid_state", "The handshake is already in the requested state."),
  HandshakeConstraintViolationException: entry(
    "handshake_constraint_violation",
    "AWS Organizations refused the handshake (invitation) because it would break one of its rules.",
  ),
  HandshakeNotFoundException: notFound("the handshake (HandshakeId)"),
  InvalidHandshakeTransitionException: entry(
    "invalid_state",
    "The handshake cannot move to that state from its current one (e.g. cancelling an accepted invitation).",
  ),
  InvalidInputException: entry("invalid_input", "AWS Organizations rejected a parameter of the request."),
  InvalidResponsibilityTransferTransitionException: entry(
    "invalid_state",
    "The responsibility transfer is not in a state that allows this operation.",
  ),
  MalformedPolicyDocumentException: entry(
    "malformed_policy",
    "AWS rejected the policy document as malformed (syntax or grammar). Fix the policy and try again.",
  ),
  MasterCannotLeaveOrganizationException: entry(
    "management_account_cannot_leave",
    "A management account cannot leave or be removed from its organization. To move it, its owner must first " +
      "remove all member accounts and delete that organization.",
  ),
  OrganizationNotEmptyException: entry(
    "not_empty",
    "The organization still has member accounts; remove them before deleting it.",
  ),
  OrganizationalUnitNotEmptyException: entry("not_empty", "The OU still contains accounts or child OUs."),
  OrganizationalUnitNotFoundException: notFound("the OU"),
  ParentNotFoundException: notFound("the root or OU (ParentId)"),
  PolicyChangesInProgressException: entry(
    "invalid_state",
    "Changes to the effective policy are still in progress. Try again in a few minutes.",
    true,
  ),
  PolicyInUseException: entry("not_empty", "The policy is still attached to roots, OUs or accounts; detach it first."),
  PolicyNotAttachedException: entry("not_found", "The policy is not attached to that target."),
  PolicyNotFoundException: notFound("the policy (PolicyId)"),
  PolicyTypeAlreadyEnabledException: entry("already_exists", "That policy type is already enabled in the root."),
  PolicyTypeNotAvailableForOrganizationException: entry(
    "policy_type_unavailable",
    "That policy type cannot be used with the organization's feature set (SCPs need all features enabled).",
  ),
  PolicyTypeNotEnabledException: entry(
    "policy_type_unavailable",
    "That policy type is not enabled in this root; enable it before attaching policies of that type.",
  ),
  ResourcePolicyNotFoundException: notFound("a resource policy for the organization"),
  ResponsibilityTransferAlreadyInStatusException: entry(
    "invalid_state",
    "The responsibility transfer is already in that status.",
  ),
  ResponsibilityTransferNotFoundException: notFound("the responsibility transfer"),
  RootNotFoundException: notFound("the root (RootId)"),
  ServiceException: entry("service_error", "AWS Organizations had an internal error. Try again in a few minutes."),
  SourceParentNotFoundException: notFound("the source root or OU"),
  TargetNotFoundException: notFound("the root, OU, account or policy (TargetId)"),
  TooManyRequestsException: entry(
    "throttled",
    "AWS Organizations is throttling Pump's requests. Wait a minute and try again.",
  ),
  UnsupportedAPIEndpointException: entry(
    "unsupported_endpoint",
    "This Organizations action is not available from the Region Pump called (Organizations is served from us-east-1).",
  ),
};
