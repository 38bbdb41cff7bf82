import { z } from "zod";
import { describe, expect, it } from "vitest";
import { addAwsAccountSchema, createTenantSchema, updateAwsAccountSchema } from "./schemas";

const TENANT = "3f2c1a9e-6b1d-4c59-9a3e-0c7b9f1e2d44";
const errorsOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? {} : (z.flattenError(result.error).fieldErrors as Record<string, string[]>);
};
const account = (extra: Record<string, unknown> = {}) => ({
  tenantId: TENANT,
  accountId: "1234-5678 9012",
  name: "prod",
  email: "",
  roleType: "read_only",
  roleArn: "",
  deploymentMethod: "",
  ...extra,
});

describe("tenant schema", () => {
  it("normalises the Pump ID and zips the form's repeated contact fields, dropping blank rows", () => {
    const parsed = createTenantSchema.parse({
      pumpId: " pump-0100 ",
      name: " Initrode ",
      notes: "",
      accountManagerId: "",
      contactName: ["Peter", ""],
      contactEmail: ["peter@initrode.example", ""],
    });
    expect(parsed).toEqual({
      pumpId: "PUMP-0100",
      name: "Initrode",
      notes: "",
      accountManagerId: null,
      contacts: [{ name: "Peter", email: "peter@initrode.example" }],
    });
  });

  it("reports every problem at once, naming each contact row", () => {
    expect(
      errorsOf(createTenantSchema, {
        pumpId: "ACME-1",
        name: "",
        accountManagerId: "nope",
        contactName: ["", "Bob"],
        contactEmail: ["x@y.example", "bob"],
      }),
    ).toEqual({
      pumpId: ["Enter a Pump ID like PUMP-0042: PUMP- and at least 4 digits."],
      name: ["Enter the company name."],
      accountManagerId: ["Pick an account manager from the list."],
      contacts: ["Contact 1: enter a name.", "Contact 2: enter a valid email address."],
    });
    expect(errorsOf(createTenantSchema, { pumpId: "PUMP-0100", name: "X", contacts: [] })).toEqual({
      contacts: ["Add at least one contact."],
    });
  });
});

describe("AWS account schema", () => {
  it("normalises the account ID, drops a deployment method without an ARN and ignores an externalId", () => {
    const parsed = addAwsAccountSchema.parse(
      account({ deploymentMethod: "manual", externalId: "pump-chosen-by-client" }),
    );
    expect(parsed).toMatchObject({ accountId: "123456789012", roleArn: null, deploymentMethod: null, email: null });
    expect(parsed).not.toHaveProperty("externalId");
  });

  it.each([
    [{ accountId: "12345678901" }, { accountId: ["Enter the 12-digit AWS account ID."] }],
    [{ accountId: "1234567890123" }, { accountId: ["Enter the 12-digit AWS account ID."] }],
    [
      { roleArn: "arn:aws:iam::123456789012:user/Bob", deploymentMethod: "manual" },
      { roleArn: ["Enter a role ARN like arn:aws:iam::123456789012:role/PumpCustomerAccess."] },
    ],
    [
      { roleArn: "arn:aws:iam::999999999999:role/X", deploymentMethod: "manual" },
      { roleArn: ["This role ARN is in account 999999999999, not in account 123456789012."] },
    ],
    [{ roleArn: "arn:aws:iam::123456789012:role/X" }, { deploymentMethod: ["Pick how the role was deployed."] }],
    [{ email: "root@" }, { email: ["Enter a valid email address."] }],
    [{ roleType: "admin" }, { roleType: ["Pick a role type."] }],
  ])("refuses %o", (extra, errors) => {
    expect(errorsOf(addAwsAccountSchema, account(extra))).toEqual(errors);
  });

  it("reports field and cross-field errors together", () => {
    expect(errorsOf(addAwsAccountSchema, account({ name: "", roleArn: "arn:aws:iam::999999999999:role/X" }))).toEqual({
      name: ["Enter a name for the account."],
      roleArn: ["This role ARN is in account 999999999999, not in account 123456789012."],
      deploymentMethod: ["Pick how the role was deployed."],
    });
  });

  it("still asks for the deployment method when the account ID is wrong", () => {
    expect(
      errorsOf(addAwsAccountSchema, account({ accountId: "12", roleArn: "arn:aws:iam::999999999999:role/X" })),
    ).toEqual({
      accountId: ["Enter the 12-digit AWS account ID."],
      deploymentMethod: ["Pick how the role was deployed."],
    });
  });

  it("has no account ID to change on edit", () => {
    const parsed = updateAwsAccountSchema.parse({ ...account({ accountId: "999999999999" }), awsAccountId: TENANT });
    expect(parsed).not.toHaveProperty("accountId");
  });
});
