import { describe, expect, it } from "vitest";
import { classifyQuery, describeUnmatched, MAX_QUERY_LENGTH, normaliseQuery, type SearchTerm } from "./classify";

const support = { canSearchExternalId: true };
const manager = { canSearchExternalId: false };
const kinds = (terms: SearchTerm[]) => terms.map((t) => t.kind);
const without = (terms: SearchTerm[], kind: SearchTerm["kind"]) => terms.filter((t) => t.kind !== kind);

describe("classifyQuery", () => {
  it.each(["444455556666", "4444-5555-6666", "4444 5555 6666", "  4444-5555 6666 "])(
    "reads %j as an account ID",
    (input) => {
      expect(classifyQuery(input, manager)).toEqual([{ kind: "account_id", accountId: "444455556666" }]);
    },
  );

  it("reads 4 to 11 digits as an account ID prefix, and fewer or more as no account", () => {
    expect(classifyQuery("4444-55", manager)).toEqual([{ kind: "account_prefix", prefix: "444455" }]);
    expect(kinds(classifyQuery("123", manager))).toEqual(["pump_id"]);
    expect(classifyQuery("4444555566667", manager)).toEqual([]);
  });

  it.each([
    ["PUMP-0042", ["PUMP-0042"]],
    ["pump-0042", ["PUMP-0042"]],
    ["pump 42", ["PUMP-0042"]],
    ["Pump42", ["PUMP-0042"]],
    ["PUMP-00042", ["PUMP-0042", "PUMP-00042"]],
    ["PUMP-12345", ["PUMP-12345"]],
  ])("reads %j as the Pump ID(s) %j", (input, pumpIds) => {
    expect(classifyQuery(input, manager)).toEqual([{ kind: "pump_id", pumpIds }]);
  });

  it("reads a bare number of up to 6 digits as a Pump ID number too (and from 4 digits as an account prefix)", () => {
    expect(classifyQuery("42", manager)).toEqual([{ kind: "pump_id", pumpIds: ["PUMP-0042"] }]);
    expect(classifyQuery("0042", manager)).toEqual([
      { kind: "account_prefix", prefix: "0042" },
      { kind: "pump_id", pumpIds: ["PUMP-0042"] },
    ]);
    expect(kinds(classifyQuery("1234567", manager))).toEqual(["account_prefix"]);
  });

  it("reads a role ARN in every partition, path included", () => {
    expect(classifyQuery("arn:aws:iam::444455556666:role/PumpCustomerAccess", manager)).toEqual([
      {
        kind: "arn",
        accountId: "444455556666",
        roleArn: "arn:aws:iam::444455556666:role/PumpCustomerAccess",
        roleName: "PumpCustomerAccess",
        isAssumedRole: false,
      },
    ]);
    expect(classifyQuery("arn:aws-cn:iam::444455556666:role/pump/Access", manager)).toEqual([
      {
        kind: "arn",
        accountId: "444455556666",
        roleArn: "arn:aws-cn:iam::444455556666:role/pump/Access",
        roleName: "Access",
        isAssumedRole: false,
      },
    ]);
    expect(classifyQuery("arn:aws-us-gov:iam::444455556666:role/X", manager)[0]).toMatchObject({
      kind: "arn",
      roleName: "X",
    });
  });

  it("reads an assumed-role ARN as its role's path-less ARN and account", () => {
    expect(classifyQuery("arn:aws:sts::444455556666:assumed-role/PumpCustomerAccess/someone", manager)).toEqual([
      {
        kind: "arn",
        accountId: "444455556666",
        roleArn: "arn:aws:iam::444455556666:role/PumpCustomerAccess",
        roleName: "PumpCustomerAccess",
        isAssumedRole: true,
      },
    ]);
    expect(classifyQuery("arn:aws-us-gov:sts::444455556666:assumed-role/R/s@x.com", manager)[0]).toMatchObject({
      roleArn: "arn:aws-us-gov:iam::444455556666:role/R",
    });
  });

  it("reads other IAM/STS ARNs as their account only, and refuses ARNs without a 12-digit account", () => {
    expect(classifyQuery("arn:aws:iam::444455556666:user/bob", manager)).toEqual([
      { kind: "arn", accountId: "444455556666", roleArn: null, roleName: null, isAssumedRole: false },
    ]);
    expect(classifyQuery("arn:aws:sts::444455556666:assumed-role/OnlyRole", manager)[0]).toMatchObject({
      roleArn: null,
    });
    // A space ends the ARN (a ticket's line break): the role name may be cut, the account is still read.
    expect(classifyQuery("arn:aws:iam::444455556666:role/bad name", manager)).toEqual([
      { kind: "arn", accountId: "444455556666", roleArn: null, roleName: null, isAssumedRole: false },
    ]);
    expect(classifyQuery("arn:aws:iam::4444555566:role/X", manager)).toEqual([]);
    expect(classifyQuery("arn:aws:s3:::bucket", manager)).toEqual([]);
  });

  const accountOnly = { kind: "arn", accountId: "444455556666", roleArn: null, roleName: null, isAssumedRole: false };

  it.each([
    ["an ellipsis for the role", "arn:aws:iam::444455556666:role/…"],
    ["three dots for the role", "arn:aws:iam::444455556666:role/..."],
    ["an ellipsis mid-name", "arn:aws:iam::444455556666:role/PumpCust…"],
    ["dots mid-path", "arn:aws:iam::444455556666:role/pump/Pu..."],
    ["nothing after the account", "arn:aws:iam::444455556666"],
    ["a colon after the account", "arn:aws:iam::444455556666:"],
    ["an assumed role cut short", "arn:aws:sts::444455556666:assumed-role/PumpCustomerAccess/…"],
    ["another service", "arn:aws:lambda:us-east-1:444455556666:function:deploy"],
    ["another partition, upper case", "ARN:AWS-ISO:IAM::444455556666:ROLE/X"],
    ["dashes in the account", "arn:aws:iam::4444-5555-6666:role/PumpCustomerAccess"],
    ["a sentence around it", "AssumeRole failed for arn:aws:iam::444455556666:role/PumpCustomerAccess."],
    ["quotes around it", '"arn:aws:iam::444455556666:role/PumpCustomerAccess…"'],
  ])("reads an ARN with %s as its account ID", (_, input) => {
    expect(classifyQuery(input, manager)).toEqual([accountOnly]);
  });

  it("reads an ARN cut short inside its account ID as an account ID prefix, from 4 digits", () => {
    expect(classifyQuery("arn:aws:iam::44445555", manager)).toEqual([{ kind: "account_prefix", prefix: "44445555" }]);
    expect(classifyQuery("arn:aws:iam::4444…", manager)).toEqual([{ kind: "account_prefix", prefix: "4444" }]);
    expect(classifyQuery("arn:aws:iam::444", manager)).toEqual([]);
  });

  it("never reads ARN-shaped text as a company name or an email", () => {
    for (const input of ["arn:aws:iam::", "arn:aws", "arn:aws:iam::abc:role/x", "see arn:aws:s3:::bucket"]) {
      expect(classifyQuery(input, manager), input).toEqual([]);
    }
    // "learn:" is a word, not an ARN.
    expect(kinds(classifyQuery("learn: more", manager))).toEqual(["name"]);
  });

  it.each([
    ["arn:aws:iam::123412341234:role/X", "Read as an ARN for account 1234-1234-1234; no tenant has it."],
    ["arn:aws:iam::123412341234:role/…", "Read as an ARN for account 1234-1234-1234; no tenant has it."],
    ["arn:aws:iam::12341234", "Read as an ARN cut short in its account ID; no account ID starts with 12341234."],
    [
      "arn:aws:iam::12",
      "This looks like an ARN cut short in its account ID (12): paste at least 4 digits of it, or the whole ARN.",
    ],
    ["arn:aws:iam::4444555566:role/X", "This looks like an ARN, but its account ID “4444555566” is not 12 digits."],
    ["arn:aws:iam::acme:role/X", "This looks like an ARN, but its account ID “acme” is not 12 digits."],
    [
      "arn:aws:s3:::bucket",
      "This looks like an ARN, but it names no AWS account. Paste the role ARN or the 12-digit account ID.",
    ],
    [
      "arn:aws:iam:",
      "This looks like an ARN cut short before its account ID. Paste the whole ARN or the 12-digit account ID.",
    ],
  ])("says what it understood of %j", (input, reading) => {
    expect(describeUnmatched(input)).toBe(reading);
  });

  it("has nothing to add for input that is not ARN-shaped", () => {
    for (const input of ["o-nosuchorg000", "Globx", "4444555566667", "", 42])
      expect(describeUnmatched(input)).toBeUndefined();
  });

  it("reads organization and handshake IDs, case-insensitively", () => {
    expect(classifyQuery("o-7hk2m9q4xz", manager)).toEqual([{ kind: "org_id", orgId: "o-7hk2m9q4xz" }]);
    expect(classifyQuery("O-7HK2M9Q4XZ", manager)).toEqual([{ kind: "org_id", orgId: "o-7hk2m9q4xz" }]);
    expect(classifyQuery("h-acme0000joined1", manager)).toEqual([
      { kind: "handshake_id", handshakeId: "h-acme0000joined1" },
    ]);
    expect(kinds(classifyQuery("o-short", manager))).toEqual(["name", "email"]);
    expect(kinds(classifyQuery("h-1234567", manager))).toEqual(["name", "email"]);
  });

  it("reads anything with an @ as an email, lower-cased, and strips the brackets a ticket puts around it", () => {
    expect(classifyQuery("Wile@Acme.example", manager)).toEqual([{ kind: "email", email: "wile@acme.example" }]);
    expect(classifyQuery("<wile@acme.example>", manager)).toEqual([{ kind: "email", email: "wile@acme.example" }]);
    expect(classifyQuery("wile@", manager)).toEqual([{ kind: "email", email: "wile@" }]);
    expect(kinds(classifyQuery("a b@c", manager))).toEqual(["name"]);
  });

  it("reads free text as a company name, and as an email local part when it could be one", () => {
    expect(classifyQuery("  Globx ", manager)).toEqual([
      { kind: "name", name: "globx", hasSubstring: true },
      { kind: "email", email: "globx" },
    ]);
    expect(classifyQuery("Acme   Corp", manager)).toEqual([{ kind: "name", name: "acme corp", hasSubstring: true }]);
    expect(classifyQuery("ac", manager)).toEqual([{ kind: "name", name: "ac", hasSubstring: false }]);
    expect(classifyQuery("a", manager)).toEqual([]);
  });

  it("searches External IDs exactly, only with the permission", () => {
    const id = "pump-MVP2bpGejuaKNt51oO1SylCC7-_na4SA";
    expect(classifyQuery(id, support)).toContainEqual({ kind: "external_id", externalId: id });
    expect(kinds(classifyQuery(id, manager))).not.toContain("external_id");
    expect(kinds(classifyQuery("legacy:ext/id=1", support))).toContain("external_id");
    // Other kinds still work alongside it.
    expect(without(classifyQuery("444455556666", support), "external_id")).toEqual([
      { kind: "account_id", accountId: "444455556666" },
    ]);
    for (const input of [
      "444455556666",
      "wile@acme.example",
      "arn:aws:iam::444455556666:role/X",
      "Globex Corporation x",
    ]) {
      expect(kinds(classifyQuery(input, manager)), input).not.toContain("external_id");
    }
    expect(kinds(classifyQuery("has space", support))).not.toContain("external_id");
  });

  it.each([
    ["empty", ""],
    ["blank", "   \t\n "],
    ["not a string", 42],
    ["null", null],
    ["too long", "a".repeat(MAX_QUERY_LENGTH + 1)],
    ["10k characters", "x".repeat(10_000)],
    ["only punctuation", "%_%\\"],
    ["SQL metacharacters", "'; --"],
    ["a lone quote", "'"],
  ])("returns no lookups for %s input", (_, input) => {
    expect(classifyQuery(input, support)).toEqual([]);
  });

  it("never lets a NUL or another control character through (PostgreSQL refuses NUL in text)", () => {
    for (const term of classifyQuery("acme\u0000corp\u0007", support)) {
      expect(JSON.stringify(term)).not.toMatch(/\\u000[07]/);
    }
    expect(normaliseQuery("acme\u0000corp")).toBe("acme corp");
    expect(normaliseQuery("ac\ud800me")).toBe("ac\ufffdme");
  });

  it("classifies 5,000 random strings without throwing, each lookup value within the length cap", () => {
    const alphabet = "abcXYZ019 -_%\\'\"@:/.=,+<>()[]`;\u0000\u00e9\u4e2d\ud83d\ude00";
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i++) {
      const length = Math.floor(random() * 300);
      const input = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      for (const term of classifyQuery(input, support)) {
        for (const value of Object.values(term)) {
          if (typeof value === "string") expect(value.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        }
      }
    }
  });
});
