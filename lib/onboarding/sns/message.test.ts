import { describe, expect, it } from "vitest";
import { nonCanonicalBase64 } from "./testing/attack-corpus-helpers";
import { parseTopicArn } from "@/lib/aws/sns-urls";
import { MAX_SNS_BODY_BYTES, parseSnsBody, parseSnsTimestamp } from "./message";
import { confirmationFields, notificationFields, SENT_AT, TOPIC_ARN } from "./testing/sns-test-kit";

// An unsigned-but-well-formed envelope: parsing does not look at the signature's validity, only its shape.
const envelope = { SignatureVersion: "2", Signature: "QUJD", SigningCertURL: "https://example.invalid/x.pem" };
const body = (fields: object) => JSON.stringify({ ...fields, ...envelope });

describe("parseSnsBody", () => {
  it.each([
    ["Notification", notificationFields()],
    ["Notification without Subject", notificationFields({ Subject: undefined })],
    [
      "Notification with MessageAttributes",
      notificationFields({ MessageAttributes: { a: { Type: "String", Value: "1" } } }),
    ],
    ["SubscriptionConfirmation", confirmationFields("SubscriptionConfirmation")],
    ["UnsubscribeConfirmation", confirmationFields("UnsubscribeConfirmation")],
  ])("accepts a well-formed %s", (_name, fields) => {
    const result = parseSnsBody(body(fields));
    expect(result).toEqual({ ok: true, message: JSON.parse(body(fields)) });
  });

  it("accepts a body of exactly the cap and rejects one byte more", () => {
    const base = body(notificationFields({ Message: "" }));
    const atCap = base.replace('"Message":""', `"Message":"${"x".repeat(MAX_SNS_BODY_BYTES - base.length)}"`);
    expect(Buffer.byteLength(atCap)).toBe(MAX_SNS_BODY_BYTES);
    expect(parseSnsBody(atCap).ok).toBe(true);
    expect(parseSnsBody(`${atCap} `)).toMatchObject({ ok: false, detail: expect.stringContaining("exceeds") });
  });

  it("counts UTF-8 bytes, not UTF-16 units", () => {
    const base = body(notificationFields({ Message: "" }));
    const units = Math.ceil((MAX_SNS_BODY_BYTES - base.length) / 2);
    const wide = base.replace('"Message":""', `"Message":"${"é".repeat(units)}"`);
    expect(wide.length).toBeLessThanOrEqual(MAX_SNS_BODY_BYTES);
    expect(parseSnsBody(wide)).toMatchObject({ ok: false, detail: expect.stringContaining("exceeds") });
  });

  it("rejects duplicate keys that JSON.parse would resolve silently", () => {
    const raw = body(notificationFields()).replace('{"Type"', '{"Message":"forged","Type"');
    expect(parseSnsBody(raw)).toEqual({ ok: false, reason: "malformed", detail: 'duplicate JSON key "Message"' });
  });

  it("describes schema failures by field without echoing attacker-chosen names raw", () => {
    const raw = JSON.stringify({ ...JSON.parse(body(notificationFields())), "evil\nkey": 1, MessageId: 7 });
    const result = parseSnsBody(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.detail).toContain('"MessageId"');
    expect(result.detail).toContain("1 unexpected field(s)");
    expect(result.detail).not.toContain("\n");
  });

  it("rejects a signature spelled non-canonically even though it decodes to the same bytes", () => {
    const signature = Buffer.alloc(256, 0xab).toString("base64");
    const respelled = nonCanonicalBase64(signature);
    expect(respelled).not.toBe(signature);
    expect(Buffer.from(respelled, "base64")).toEqual(Buffer.from(signature, "base64"));
    const raw = JSON.stringify({ ...JSON.parse(body(notificationFields())), Signature: respelled });
    expect(parseSnsBody(raw)).toMatchObject({ ok: false, detail: expect.stringContaining("not canonical base64") });
  });

  it("never throws on non-string input smuggled past the type system", () => {
    expect(parseSnsBody(undefined as unknown as string)).toMatchObject({ ok: false, reason: "malformed" });
  });
});

describe("parseSnsTimestamp", () => {
  it.each([SENT_AT, "2026-03-01T11:59:30Z", "2024-02-29T23:59:59.9Z"])("accepts %s", (value) => {
    expect(parseSnsTimestamp(value)).toBe(Date.parse(value));
  });
  it.each([
    "2024-02-30T00:00:00.000Z", // Date.parse rolls this over to March 1
    "2023-02-29T00:00:00.000Z",
    "2026-03-01T24:00:00.000Z",
    "2026-03-01T12:00:60.000Z",
    "2026-03-01T12:00:00.000+00:00",
    "2026-03-01 12:00:00.000Z",
    "2026-03-01t12:00:00.000z",
    "2026-03-01T12:00:00.0000Z",
    "+002026-03-01T12:00:00.000Z",
    "",
  ])("rejects %j", (value) => {
    expect(parseSnsTimestamp(value)).toBeNull();
  });
});

describe("parseTopicArn", () => {
  it("splits a commercial, China and GovCloud ARN", () => {
    expect(parseTopicArn(TOPIC_ARN)).toEqual({ partition: "aws", region: "us-east-1", accountId: "123456789012" });
    expect(parseTopicArn("arn:aws-cn:sns:cn-north-1:123456789012:t")?.partition).toBe("aws-cn");
    expect(parseTopicArn("arn:aws-us-gov:sns:us-gov-west-1:123456789012:t.fifo")?.partition).toBe("aws-us-gov");
  });
  it.each([
    "arn:aws:sns:cn-north-1:123456789012:t", // China Region in the commercial partition
    "arn:aws-cn:sns:us-east-1:123456789012:t",
    "arn:aws:sqs:us-east-1:123456789012:t",
    "arn:aws:sns:us-east-1:12345678901:t",
    "arn:aws:sns:us-east-1:123456789012:t:sub",
    "arn:aws:sns:US-EAST-1:123456789012:t",
    `${TOPIC_ARN} `,
  ])("rejects %j", (arn) => {
    expect(parseTopicArn(arn)).toBeNull();
  });
});
