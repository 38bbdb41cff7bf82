import { X509Certificate } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { AWS_SNS_VECTORS } from "./testing/aws-vectors";
import { generateSandboxCertificate } from "./testing/test-keys";
import {
  CERT_URL,
  confirmationFields,
  createSnsTestKit,
  EXPIRED_CERT_URL,
  MISSING_CERT_URL,
  notificationFields,
  NOW,
  SENT_AT,
  type SnsTestKit,
} from "./testing/sns-test-kit";
import { verifySnsMessage } from "./verify";

let kit: SnsTestKit;
beforeAll(async () => {
  kit = await createSnsTestKit();
});

const at = (offsetMs: number) => new Date(Date.parse(SENT_AT) + offsetMs).toISOString();

describe("messages signed by Amazon SNS itself (known answers)", () => {
  it.each(AWS_SNS_VECTORS)("accepts $name", async (vector) => {
    const message = JSON.parse(vector.body) as { TopicArn: string; SigningCertURL: string; SignatureVersion: string };
    const fetched: string[] = [];
    const result = await verifySnsMessage(vector.body, {
      allowedTopicArns: [message.TopicArn],
      minSignatureVersion: message.SignatureVersion === "2" ? 2 : 1,
      now: vector.now,
      fetchCertificate: async (url) => (fetched.push(url), vector.certificatePem),
    });
    expect(result).toEqual({ ok: true, message: JSON.parse(vector.body) });
    expect(fetched).toEqual([message.SigningCertURL]);
  });

  it.each(AWS_SNS_VECTORS)("rejects $name with one character of Message changed", async (vector) => {
    const message = JSON.parse(vector.body) as { TopicArn: string; Message: string };
    const tampered = vector.body.replace(`"${message.Message}"`, `"${message.Message}!"`);
    const result = await verifySnsMessage(tampered, {
      allowedTopicArns: [message.TopicArn],
      minSignatureVersion: 1,
      now: vector.now,
      fetchCertificate: async () => vector.certificatePem,
    });
    expect(result).toMatchObject({ ok: false, reason: "signature" });
  });

  it("refuses the real SignatureVersion 1 messages when version 2 is required", async () => {
    for (const vector of AWS_SNS_VECTORS.filter((v) => v.body.includes('"SignatureVersion" : "1"'))) {
      const { TopicArn } = JSON.parse(vector.body) as { TopicArn: string };
      const result = await verifySnsMessage(vector.body, {
        allowedTopicArns: [TopicArn],
        minSignatureVersion: 2,
        now: vector.now,
        fetchCertificate: async () => vector.certificatePem,
      });
      expect(result).toMatchObject({ ok: false, reason: "signature_version" });
    }
  });
});

describe("sign → verify round trip", () => {
  const cases = [
    ["Notification", () => notificationFields()],
    ["Notification without Subject", () => notificationFields({ Subject: undefined })],
    [
      "Notification with MessageAttributes",
      () => notificationFields({ MessageAttributes: { k: { Type: "String", Value: "v" } } }),
    ],
    ["SubscriptionConfirmation", () => confirmationFields("SubscriptionConfirmation")],
    ["UnsubscribeConfirmation", () => confirmationFields("UnsubscribeConfirmation")],
  ] as const;

  it.each(cases)("accepts a %s signed with SignatureVersion 2", async (_name, fields) => {
    const body = kit.sign(fields(), 2);
    kit.fetches.length = 0;
    expect(await verifySnsMessage(body, kit.options())).toEqual({ ok: true, message: JSON.parse(body) });
    expect(kit.fetches).toEqual([CERT_URL]);
  });

  it.each(cases)("accepts a %s signed with SignatureVersion 1 when 1 is allowed", async (_name, fields) => {
    const body = kit.sign(fields(), 1);
    expect(await verifySnsMessage(body, kit.options({ minSignatureVersion: 1 }))).toMatchObject({ ok: true });
    expect(await verifySnsMessage(body, kit.options())).toMatchObject({ ok: false, reason: "signature_version" });
  });

  it("accepts a message with control characters, quotes and astral characters in Message", async () => {
    const body = kit.sign(notificationFields({ Message: '{"a":"\\u0000"}\r\n\t\u0001 😀 "q" \\' }));
    expect(await verifySnsMessage(body, kit.options())).toMatchObject({ ok: true });
  });
});

describe("each rejection reason, and whether it cost a request", () => {
  const cases: [string, () => string, object, string, number][] = [
    ["malformed", () => "{", {}, "malformed", 0],
    [
      "untrusted_topic",
      () => kit.sign(notificationFields()),
      { allowedTopicArns: ["arn:aws:sns:us-east-1:123456789012:x"] },
      "untrusted_topic",
      0,
    ],
    ["signature_version", () => kit.sign(notificationFields(), 1), {}, "signature_version", 0],
    ["stale", () => kit.sign(notificationFields({ Timestamp: at(-3601_000) })), { now: new Date(SENT_AT) }, "stale", 0],
    [
      "cert_url",
      () =>
        kit.sign(
          notificationFields(),
          2,
          "https://evil.example/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem",
        ),
      {},
      "cert_url",
      0,
    ],
    ["certificate", () => kit.sign(notificationFields(), 2, EXPIRED_CERT_URL), {}, "certificate", 1],
    ["signature", () => kit.sign(notificationFields(), 2, CERT_URL, kit.attackerKeyPem), {}, "signature", 1],
  ];
  it.each(cases)("%s", async (_name, body, options, reason, fetches) => {
    kit.fetches.length = 0;
    const result = await verifySnsMessage(body(), kit.options(options));
    expect(result).toMatchObject({ ok: false, reason, retryable: false });
    expect(kit.fetches).toHaveLength(fetches);
  });

  it("a failed fetch is a retryable certificate rejection (the route answers 5xx, SNS retries)", async () => {
    const result = await verifySnsMessage(kit.sign(notificationFields(), 2, MISSING_CERT_URL), kit.options());
    expect(result).toEqual({ ok: false, reason: "certificate", detail: expect.any(String), retryable: true });
  });

  it("a fetcher resolving to a non-string is a certificate rejection, not a crash", async () => {
    const body = kit.sign(notificationFields());
    const options = kit.options({ fetchCertificate: async () => ({ pem: 1 }) as unknown as string });
    expect(await verifySnsMessage(body, options)).toMatchObject({ ok: false, reason: "certificate" });
  });
});

describe("Timestamp window", () => {
  const verifyAt = async (offsetMs: number, maxAgeSeconds?: number) =>
    verifySnsMessage(kit.sign(notificationFields({ Timestamp: at(offsetMs) })), {
      ...kit.options({ now: new Date(SENT_AT) }),
      ...(maxAgeSeconds === undefined ? {} : { maxAgeSeconds }),
    });

  it.each([
    [-3_600_000, true],
    [-3_600_001, false],
    [300_000, true],
    [300_001, false],
  ])("a message sent %i ms from now: accepted = %s", async (offset, accepted) => {
    expect((await verifyAt(offset)).ok).toBe(accepted);
  });

  it("honours a tighter maxAgeSeconds", async () => {
    expect((await verifyAt(-60_000, 60)).ok).toBe(true);
    expect(await verifyAt(-60_001, 60)).toMatchObject({ ok: false, reason: "stale" });
  });
});

describe("options are a programming contract", () => {
  it.each([
    [{ now: new Date(Number.NaN) }],
    [{ maxAgeSeconds: 0 }],
    [{ maxAgeSeconds: Number.NaN }],
    [{ minSignatureVersion: 3 as 2 }],
  ])("throws a TypeError for %j", async (bad) => {
    await expect(verifySnsMessage("{}", kit.options(bad))).rejects.toThrow(TypeError);
  });
});

describe("generateSandboxCertificate", () => {
  it("mints a certificate valid today for 20 years that verifies what the key signs", async () => {
    const sandbox = await generateSandboxCertificate({ privateKeyPem: kit.signerKeyPem });
    const certificate = new X509Certificate(sandbox.certificatePem);
    expect(certificate.subject).toBe("CN=Pump sandbox SNS signer (not AWS)");
    expect(sandbox.certificatePem).toMatch(/-----END CERTIFICATE-----\n$/); // concatenable with the key PEM
    expect(Date.parse(certificate.validTo) - Date.now()).toBeGreaterThan(19 * 365 * 86_400_000);
    const now = new Date();
    const body = kit.sign(notificationFields({ Timestamp: now.toISOString() }), 2, CERT_URL, sandbox.privateKeyPem);
    const result = await verifySnsMessage(
      body,
      kit.options({ now, fetchCertificate: async () => sandbox.certificatePem }),
    );
    expect(result.ok).toBe(true);
  });

  it("a currently valid certificate for another key does not verify the message", async () => {
    const validity = {
      notBefore: new Date(NOW.getTime() - 86_400_000),
      notAfter: new Date(NOW.getTime() + 86_400_000),
    };
    const other = await generateSandboxCertificate({ privateKeyPem: kit.attackerKeyPem, ...validity });
    const body = kit.sign(notificationFields());
    const result = await verifySnsMessage(body, kit.options({ fetchCertificate: async () => other.certificatePem }));
    expect(result).toMatchObject({ ok: false, reason: "signature" });
  });
});
