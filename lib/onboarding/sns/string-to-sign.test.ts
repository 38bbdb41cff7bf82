import { describe, expect, it } from "vitest";
import { buildStringToSign, hashForSignatureVersion, SIGNED_KEYS } from "./string-to-sign";
import { confirmationFields, notificationFields } from "./testing/sns-test-kit";

describe("buildStringToSign", () => {
  it("Notification with Subject: six keys in byte order, each as key\\nvalue\\n", () => {
    const fields = notificationFields({ Message: 'line 1\nline 2 "quoted" é' });
    expect(buildStringToSign(fields)).toBe(
      'Message\nline 1\nline 2 "quoted" é\n' +
        "MessageId\n7f1d6f5e-3c1b-4a8e-9f7a-2b6c8d0e4a11\n" +
        "Subject\nAWS CloudFormation custom resource request\n" +
        "Timestamp\n2026-03-01T11:59:30.123Z\n" +
        "TopicArn\narn:aws:sns:us-east-1:123456789012:pump-onboarding\n" +
        "Type\nNotification\n",
    );
  });

  it("Notification without Subject leaves the key out entirely", () => {
    const text = buildStringToSign(notificationFields({ Subject: undefined, Message: "m" }));
    expect(text).toBe(
      "Message\nm\nMessageId\n7f1d6f5e-3c1b-4a8e-9f7a-2b6c8d0e4a11\nTimestamp\n2026-03-01T11:59:30.123Z\n" +
        "TopicArn\narn:aws:sns:us-east-1:123456789012:pump-onboarding\nType\nNotification\n",
    );
  });

  it.each(["SubscriptionConfirmation", "UnsubscribeConfirmation"] as const)("%s signs seven keys", (type) => {
    const fields = confirmationFields(type, { Message: "m", Token: "t0k", SubscribeURL: "https://s/?a=b" });
    expect(buildStringToSign(fields)).toBe(
      "Message\nm\nMessageId\n7f1d6f5e-3c1b-4a8e-9f7a-2b6c8d0e4a11\nSubscribeURL\nhttps://s/?a=b\n" +
        "Timestamp\n2026-03-01T11:59:30.123Z\nToken\nt0k\n" +
        `TopicArn\narn:aws:sns:us-east-1:123456789012:pump-onboarding\nType\n${type}\n`,
    );
  });

  it("ignores unsigned fields: UnsubscribeURL and MessageAttributes", () => {
    const plain = buildStringToSign(notificationFields());
    const decorated = buildStringToSign(
      notificationFields({ UnsubscribeURL: "x", MessageAttributes: { a: { Type: "String", Value: "v" } } }),
    );
    expect(decorated).toBe(plain);
  });

  // Why message.ts forbids newlines in Subject: with one allowed, a publisher-chosen Message could be re-cut into
  // another message with the very same canonical string (and so the same signature) but a different MessageId.
  it("a Subject with newlines would make two different messages share one canonical string", () => {
    const otherId = "0b5c3f1e-9d2a-4c6b-8e7f-1a2b3c4d5e6f";
    const published = notificationFields({ Subject: undefined, Message: `hi\nMessageId\n${otherId}\nSubject\nx` });
    const recut = notificationFields({
      Message: "hi",
      MessageId: otherId,
      Subject: `x\nMessageId\n${published.MessageId}`,
    });
    expect(buildStringToSign(recut)).toBe(buildStringToSign(published));
  });

  it("key lists are byte-sorted, as SNS requires", () => {
    for (const keys of Object.values(SIGNED_KEYS)) expect([...keys].sort()).toEqual([...keys]);
  });

  it("the same content as a different Type gives a different string (no type confusion)", () => {
    const a = buildStringToSign(confirmationFields("SubscriptionConfirmation"));
    const b = buildStringToSign(confirmationFields("UnsubscribeConfirmation"));
    expect(a).not.toBe(b);
  });

  // Signatures made by SNS itself are checked end to end in verify.test.ts (real AWS vectors).
  it("version 1 is SHA1withRSA, version 2 is SHA256withRSA", () => {
    expect(hashForSignatureVersion("1")).toBe("sha1");
    expect(hashForSignatureVersion("2")).toBe("sha256");
  });
});
