import { staffRole } from "@/db/schema";

export const roles = staffRole.enumValues;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  support: "Support engineer",
  account_manager: "Account manager",
  solutions_architect: "Solutions architect",
  admin: "Admin",
};

/**
 * Every permission the product needs, with the words a denial shows the user. Capabilities not built yet are
 * named here already so the matrix — and its tests — stay the one place that decides access.
 */
export const permissions = {
  "tenants.read": "view tenants and their AWS accounts",
  "tenants.write": "create and edit tenants and their AWS accounts",
  "tenants.reveal_external_id": "reveal a customer account's External ID",
  "onboarding.issue": "issue, re-issue and revoke onboarding links",
  "onboarding.record_manual": "record a manually deployed role ARN",
  "roles.verify": "verify a customer role",
  "invites.read": "view organization invites",
  "invites.send": "send organization invites",
  "invites.cancel": "cancel or resend organization invites",
  "invites.reconcile": "reconcile invites with AWS",
  "organizations.read": "view Pump's organizations",
  "organizations.manage": "add and edit Pump's organizations",
  "exceptions.read": "view existing-organization exceptions",
  "exceptions.manage": "work existing-organization exceptions",
  "customer_access.read": "view PumpCustomerAccess trust policies",
  "customer_access.edit": "change PumpCustomerAccess trust policies",
  "sso.read": "view SSO setups",
  "sso.manage": "prepare SSO exports and imports",
  "staff.read": "view staff",
  "staff.manage": "add staff, change roles and disable accounts",
  "audit.read": "read the audit log",
  "sandbox.simulate": "use the sandbox's customer-side controls",
} as const;

export type Permission = keyof typeof permissions;

const everything = Object.keys(permissions) as Permission[];

/** Deny by default: a role holds exactly what is listed here. */
export const matrix: Record<Role, readonly Permission[]> = {
  // Answers tickets: finds tenants, re-issues links, verifies roles, triggers invites.
  support: [
    "tenants.read",
    "tenants.write",
    "tenants.reveal_external_id",
    "onboarding.issue",
    "onboarding.record_manual",
    "roles.verify",
    "invites.read",
    "invites.send",
    "invites.cancel",
    "organizations.read",
    "exceptions.read",
    "customer_access.read",
    "sso.read",
    "sandbox.simulate",
  ],
  // Owns customer relationships and tightens who may assume PumpCustomerAccess; does not onboard roles,
  // so never needs to see an External ID.
  account_manager: [
    "tenants.read",
    "tenants.write",
    "invites.read",
    "organizations.read",
    "exceptions.read",
    "customer_access.read",
    "customer_access.edit",
    "sso.read",
  ],
  // Handles existing-organization exceptions and SSO moves; can verify roles and invite as part of that.
  solutions_architect: [
    "tenants.read",
    "tenants.reveal_external_id",
    "roles.verify",
    "invites.read",
    "invites.send",
    "invites.cancel",
    "invites.reconcile",
    "organizations.read",
    "exceptions.read",
    "exceptions.manage",
    "customer_access.read",
    "sso.read",
    "sso.manage",
    "sandbox.simulate",
  ],
  admin: everything,
};

export function can(role: Role, permission: Permission): boolean {
  return matrix[role].includes(permission);
}

export function deniedMessage(permission: Permission): string {
  return `You don't have permission to ${permissions[permission]}. Ask an admin if you need it.`;
}
