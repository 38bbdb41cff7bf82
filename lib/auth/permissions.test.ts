import { describe, expect, it } from "vitest";
import { can, matrix, permissions, roles, type Permission, type Role } from "./permissions";

/**
 * The matrix written out a second time, as a table a reviewer reads row by row. Every cell is asserted against
 * `can()`, so a change to the matrix must be made here too, on purpose.
 */
// prettier-ignore
const expected: Record<Permission, [support: 0 | 1, account_manager: 0 | 1, solutions_architect: 0 | 1, admin: 0 | 1]> = {
  "tenants.read":               [1, 1, 1, 1],
  "tenants.write":              [1, 1, 0, 1],
  "tenants.reveal_external_id": [1, 0, 1, 1],
  "onboarding.issue":           [1, 0, 0, 1],
  "onboarding.record_manual":   [1, 0, 0, 1],
  "roles.verify":               [1, 0, 1, 1],
  "invites.read":               [1, 1, 1, 1],
  "invites.send":               [1, 0, 1, 1],
  "invites.cancel":             [1, 0, 1, 1],
  "invites.reconcile":          [0, 0, 1, 1],
  "organizations.read":         [1, 1, 1, 1],
  "organizations.manage":       [0, 0, 0, 1],
  "exceptions.read":            [1, 1, 1, 1],
  "exceptions.manage":          [0, 0, 1, 1],
  "customer_access.read":       [1, 1, 1, 1],
  "customer_access.edit":       [0, 1, 0, 1],
  "sso.read":                   [1, 1, 1, 1],
  "sso.manage":                 [0, 0, 1, 1],
  "staff.read":                 [0, 0, 0, 1],
  "staff.manage":               [0, 0, 0, 1],
  "audit.read":                 [0, 0, 0, 1],
  "sandbox.simulate":           [1, 0, 1, 1],
};

const cells = (Object.keys(permissions) as Permission[]).flatMap((permission) =>
  roles.map((role, i) => [role, permission, expected[permission][i] === 1] as [Role, Permission, boolean]),
);

describe("role × permission matrix", () => {
  it("covers every permission in the expected table, and nothing else", () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(permissions).sort());
    expect(roles).toEqual(["support", "account_manager", "solutions_architect", "admin"]);
  });

  it.each(cells)("%s · %s → %s", (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it("grants nothing that is not a known permission", () => {
    for (const role of roles) for (const p of matrix[role]) expect(permissions).toHaveProperty([p]);
  });
});
