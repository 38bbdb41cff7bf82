import { describe, expect, it } from "vitest";
import { formatAccountId, normaliseAccountId, parseRoleArn } from "./aws-ids";

describe("AWS account IDs", () => {
  it("normalises dashes and spaces, and formats 12 digits the way AWS shows them", () => {
    expect(normaliseAccountId(" 1234-5678 9012 ")).toBe("123456789012");
    expect(formatAccountId("123456789012")).toBe("1234-5678-9012");
    expect(formatAccountId("12345")).toBe("12345");
  });
});

describe("parseRoleArn", () => {
  it.each([
    [
      "arn:aws:iam::123456789012:role/PumpCustomerAccess",
      { accountId: "123456789012", path: "", name: "PumpCustomerAccess" },
    ],
    [
      "arn:aws:iam::123456789012:role/pump/PumpCustomerAccess",
      { accountId: "123456789012", path: "pump/", name: "PumpCustomerAccess" },
    ],
    ["arn:aws:iam::123456789012:role/a/b/c+=,.@-_1", { accountId: "123456789012", path: "a/b/", name: "c+=,.@-_1" }],
  ])("accepts %s", (arn, parts) => {
    expect(parseRoleArn(arn)).toEqual(parts);
  });

  it.each([
    "arn:aws:iam::12345678901:role/Name", // 11 digits
    "arn:aws:iam::123456789012:user/Name", // not a role
    "arn:aws:sts::123456789012:role/Name",
    "arn:aws:iam::123456789012:role/",
    "arn:aws:iam::123456789012:role/has space",
    `arn:aws:iam::123456789012:role/${"n".repeat(65)}`,
    "arn:aws:iam::123456789012:role//Name", // a one-character path is refused by the database too
    " arn:aws:iam::123456789012:role/Name",
  ])("refuses %s", (arn) => {
    expect(parseRoleArn(arn)).toBeNull();
  });

  it("answers fast on hostile input (no catastrophic backtracking)", () => {
    const started = performance.now();
    expect(parseRoleArn(`arn:aws:iam::123456789012:role/${"a/".repeat(1000)}!`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(50);
  });
});
