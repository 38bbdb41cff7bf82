import { describe, expect, it } from "vitest";
import type { AssumeRoleParams, AwsGateway, AwsSession } from "./gateway";
import { assumeCustomerRole, sessionNameFor } from "./role-chain";
import { roleSessionNameLength, roleSessionNamePattern } from "./sts-rules";

const isValidSessionName = (name: string) =>
  name.length >= roleSessionNameLength.min &&
  name.length <= roleSessionNameLength.max &&
  roleSessionNamePattern.test(name);

describe("sessionNameFor", () => {
  it("is pump- plus the lower-cased email when the email fits as is", () => {
    expect(sessionNameFor({ email: "Sam.Support@Pump.test" })).toBe("pump-sam.support@pump.test");
    expect(sessionNameFor({ email: "  a+b=c,d_e-f@pump.test " })).toBe("pump-a+b=c,d_e-f@pump.test");
  });

  it.each([
    "o'brien@pump.test",
    "josé@pump.test",
    "first last@pump.test",
    "weird!#$%&*/?^`{|}~@pump.test",
    "😀@pump.test",
    `${"x".repeat(70)}@pump.test`,
    "a@b",
  ])("builds a valid RoleSessionName for %j", (email) => {
    const name = sessionNameFor({ email });
    expect(isValidSessionName(name), name).toBe(true);
    expect(name.startsWith("pump-")).toBe(true);
  });

  it("keeps two emails apart even when sanitizing or truncating makes them look alike", () => {
    expect(sessionNameFor({ email: "o'brien@pump.test" })).not.toBe(sessionNameFor({ email: "o brien@pump.test" }));
    expect(sessionNameFor({ email: "o'brien@pump.test" })).not.toBe("pump-o-brien@pump.test");
    const long = "y".repeat(80);
    const a = sessionNameFor({ email: `${long}1@pump.test` });
    const b = sessionNameFor({ email: `${long}2@pump.test` });
    expect(a).not.toBe(b);
    expect(a).toHaveLength(64);
  });

  it("is stable for the same staff member whatever the email's case", () => {
    expect(sessionNameFor({ email: "ÉMILE@pump.test" })).toBe(sessionNameFor({ email: "émile@pump.test" }));
  });

  it("refuses an empty email (a bug upstream, not a name to invent)", () => {
    expect(() => sessionNameFor({ email: "  " })).toThrow(/no email/);
  });
});

describe("assumeCustomerRole", () => {
  it("assumes the operator role first, then the customer role as the operator session, with the staff's name", async () => {
    const calls: AssumeRoleParams[] = [];
    const session = (roleArn: string, chained: boolean): AwsSession => ({
      kind: "assumed",
      arn: `arn:aws:sts::1:assumed-role/r/${roleArn}`,
      accountId: "1",
      roleArn,
      credentials: { accessKeyId: `ASIA-${roleArn}`, secretAccessKey: "s" },
      chained,
    });
    const gateway: AwsGateway = {
      mode: "sandbox",
      getCallerIdentity: () => Promise.reject(new Error("not used")),
      fetchSnsSigningCertificate: () => Promise.reject(new Error("not used")),
      confirmSnsSubscription: () => Promise.reject(new Error("not used")),
      sendCloudFormationResponse: () => Promise.reject(new Error("not used")),
      listAccountIds: () => Promise.reject(new Error("not used")),
      now: async () => new Date(),
      inviteAccount: () => Promise.reject(new Error("not used")),
      listInviteHandshakes: () => Promise.reject(new Error("not used")),
      describeHandshake: () => Promise.reject(new Error("not used")),
      cancelHandshake: () => Promise.reject(new Error("not used")),
      describeOrganization: () => Promise.reject(new Error("not used")),
      assumeRole: async (p) => {
        calls.push(p);
        return session(p.roleArn, p.as?.kind === "assumed");
      },
    };
    const result = await assumeCustomerRole(gateway, {
      operatorRoleArn: "operator",
      customerRoleArn: "customer",
      externalId: "pump-ext",
      staff: { email: "am@pump.test" },
    });
    expect(result).toMatchObject({ roleArn: "customer", chained: true });
    expect(calls).toEqual([
      { roleArn: "operator", sessionName: "pump-am@pump.test" },
      { roleArn: "customer", sessionName: "pump-am@pump.test", externalId: "pump-ext", as: session("operator", false) },
    ]);
  });
});
