/**
 * Plain-words meaning of the `Reason` codes AWS Organizations attaches to ConstraintViolation,
 * HandshakeConstraintViolation, InvalidInput and AccessDeniedForDependency exceptions, as the Errors section of each
 * operation in the API reference lists them (e.g.
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_InviteAccountToOrganization.html). AWS adds reasons
 * over time, so a reason is always an open `string`: unknown ones are still shown, just without an explanation.
 */
const reasons: Record<string, string> = {
  ACCOUNT_NUMBER_LIMIT_EXCEEDED:
    "the organization has reached its account quota (pending invitations, deleted and closed accounts count too). " +
    "Cancel stale invitations or ask AWS for a quota increase; right after creating an organization, wait one hour.",
  HANDSHAKE_RATE_LIMIT_EXCEEDED:
    "the organization has sent as many invitations (handshakes) as AWS allows in one day. Try again tomorrow.",
  ALREADY_IN_AN_ORGANIZATION:
    "the invited account is already a member of an organization. Since late 2025 its owner can accept the " +
    "invitation to transfer directly; if it is the management account of its own organization, that organization " +
    "must first be emptied and deleted.",
  INVITE_DISABLED_DURING_ENABLE_ALL_FEATURES:
    "no new invitations while the organization is enabling all features; finish that process first.",
  LEGACY_PERMISSIONS_STILL_IN_USE:
    "the organization must first migrate to the fine-grained IAM actions for billing, cost management and accounts.",
  MANAGEMENT_ACCOUNT_EMAIL_NOT_VERIFIED:
    "the management account's email address is not verified; its owner must verify it first.",
  ORGANIZATION_ALREADY_HAS_ALL_FEATURES: "the organization already has all features enabled.",
  ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION: "the organization has already started enabling all features.",
  ORGANIZATION_FROM_DIFFERENT_SELLER_OF_RECORD:
    "the account belongs to a different AWS seller or partition (e.g. AWS India, China, GovCloud) than the organization.",
  ORGANIZATION_MEMBERSHIP_CHANGE_RATE_LIMIT_EXCEEDED:
    "the account changed organization too recently; wait before moving it again.",
  PAYMENT_INSTRUMENT_REQUIRED: "the account has no payment method (e.g. a credit card); its owner must add one.",
  PAST_DUE_INVOICE: "the organization has a past-due invoice.",
  UNUSED_PREPAYMENT_BALANCE: "the organization has an outstanding prepayment balance.",
  ACCOUNT_CANNOT_LEAVE_ORGANIZATION:
    "the management account cannot leave; remove all member accounts and delete the organization instead.",
  ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION:
    "the account lacks standalone information; its owner must complete phone verification first.",
  ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA: "the account's owner must first accept the AWS customer agreement.",
  MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED:
    "the member account needs its own payment method before it can leave or move.",
  INVALID_PAYMENT_INSTRUMENT: "the account has no supported payment method.",
  WAIT_PERIOD_ACTIVE:
    "the account was created in the organization less than four days ago (invited accounts are exempt); wait.",
  CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG:
    "the account is a delegated administrator for an AWS service; deregister it first.",
  ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED: "too many account creations are in progress at once; wait and retry.",
  SERVICE_ACCESS_NOT_ENABLED: "trusted access for that AWS service is not enabled (EnableAWSServiceAccess first).",
  CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR: "the management account cannot be a delegated administrator.",
  DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE:
    "that service already has a delegated administrator; deregister it first.",
  MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED: "that service has its maximum of delegated administrators.",
  MAX_TAG_LIMIT_EXCEEDED: "the resource would exceed its tag limit (50 per account).",
  TAG_POLICY_VIOLATION: "the tags do not comply with the organization's tag policy.",
  ORGANIZATION_NOT_IN_ALL_FEATURES_MODE: "the organization only has consolidated billing; this needs all features.",
  INVALID_PARTY_TYPE_TARGET: "the invitation target has the wrong type (use ACCOUNT with a 12-digit account ID).",
  INVALID_EMAIL_ADDRESS_TARGET: "the invitation target's email address is not valid.",
  INVALID_PATTERN: "a value does not match the format AWS requires.",
  INVALID_PATTERN_TARGET_ID: "the target ID does not match the format AWS requires.",
  DUPLICATE_TAG_KEY: "the same tag key appears twice.",
  MAX_LENGTH_EXCEEDED: "a value is longer than AWS allows.",
  MIN_LENGTH_EXCEEDED: "a value is shorter than AWS allows.",
  INPUT_REQUIRED: "a required value is missing.",
  INVALID_PAGINATION_TOKEN: "the pagination token is invalid or expired; restart the listing.",
  ACCESS_DENIED_DURING_CREATE_SERVICE_LINKED_ROLE:
    "AWS could not create the Organizations service-linked role with the caller's permissions.",
};

/** "REASON_CODE (what it means)" for a known reason, the bare code for a new one. */
export function describeOrganizationsReason(reason: string): string {
  const meaning = reasons[reason];
  return meaning ? `Reason ${reason}: ${meaning}` : `Reason ${reason}.`;
}
