import type { staff } from "./schema";

/** Demo and e2e staff: every role, plus a disabled member. Emails are the local sign-in's choices. */
export const seedStaff: (typeof staff.$inferInsert)[] = [
  { email: "admin@pump.test", name: "Ada Admin", role: "admin" },
  { email: "support@pump.test", name: "Sam Support", role: "support" },
  { email: "support2@pump.test", name: "Sasha Support", role: "support" },
  { email: "am@pump.test", name: "Alex Account Manager", role: "account_manager" },
  { email: "sa@pump.test", name: "Sol Architect", role: "solutions_architect" },
  { email: "disabled@pump.test", name: "Dana Disabled", role: "support", disabledAt: new Date("2026-01-01T00:00:00Z") },
];

/** The seeded member of each role, for tests and e2e. */
export const seedEmailByRole = {
  support: "support@pump.test",
  account_manager: "am@pump.test",
  solutions_architect: "sa@pump.test",
  admin: "admin@pump.test",
} as const satisfies Record<(typeof staff.$inferInsert)["role"], string>;
