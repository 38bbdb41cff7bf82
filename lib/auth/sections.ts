import { can, type Permission, type Role } from "./permissions";

/** The signed-in shell's sections, each behind the permission its page requires. */
export const sections: { href: string; label: string; permission: Permission }[] = [
  { href: "/tenants", label: "Tenants", permission: "tenants.read" },
  { href: "/invites", label: "Invites", permission: "invites.read" },
  { href: "/organizations", label: "Organizations", permission: "organizations.read" },
  { href: "/exceptions", label: "Exceptions", permission: "exceptions.read" },
  { href: "/customer-access", label: "Customer access", permission: "customer_access.read" },
  { href: "/sso", label: "SSO setups", permission: "sso.read" },
  { href: "/audit", label: "Audit", permission: "audit.read" },
  { href: "/staff", label: "Staff", permission: "staff.read" },
];

export function sectionsFor(role: Role) {
  return sections.filter((s) => can(role, s.permission));
}

export function firstAllowedSection(role: Role) {
  return sectionsFor(role)[0]?.href ?? "/sign-in";
}
