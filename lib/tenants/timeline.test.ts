import { describe, expect, it } from "vitest";
import { actorLabel, describeEvent } from "./timeline";

const event = (action: string, extra: Partial<Parameters<typeof describeEvent>[0]> = {}) =>
  describeEvent({
    action,
    actorName: "Ada Admin",
    actorEmail: "admin@pump.test",
    accountId: "123456789012",
    before: null,
    after: null,
    ...extra,
  });

describe("timeline sentences", () => {
  it("phrases known actions with the actor's name and the formatted account ID", () => {
    expect(event("tenants.add_aws_account")).toBe("Ada Admin added account 1234-5678-9012");
    expect(event("tenants.reveal_external_id")).toBe("Ada Admin revealed the External ID of account 1234-5678-9012");
    expect(event("roles.verify", { after: { verificationState: "verified" } })).toBe(
      "Ada Admin checked the role of account 1234-5678-9012: verified",
    );
    expect(event("roles.verify", { after: { verificationState: "unprotected" } })).toMatch(/UNPROTECTED/);
    expect(event("roles.verify", { after: { verificationState: "failed" } })).toMatch(/could not verify it$/);
    expect(event("tenants.create", { accountId: null })).toBe("Ada Admin created the tenant");
  });

  it("says when an edit changed the role ARN", () => {
    expect(event("tenants.update_aws_account", { before: { roleArn: "a" }, after: { roleArn: "a" } })).toBe(
      "Ada Admin edited account 1234-5678-9012",
    );
    expect(event("tenants.update_aws_account", { before: { roleArn: "a" }, after: { roleArn: "b" } })).toBe(
      "Ada Admin changed the role ARN of account 1234-5678-9012; the role must be verified again",
    );
  });

  it("falls back to the action's name for actions it does not know", () => {
    expect(event("sso.prepare_export")).toBe("Ada Admin: sso.prepare_export (account 1234-5678-9012)");
    expect(event("sso.prepare_export", { accountId: null })).toBe("Ada Admin: sso.prepare_export");
  });

  it("names system actors and falls back to the email", () => {
    expect(actorLabel(null, "system:seed")).toBe("System (seed)");
    expect(actorLabel(null, "gone@pump.test")).toBe("gone@pump.test");
    expect(actorLabel(null, null)).toBe("Someone");
  });
});
