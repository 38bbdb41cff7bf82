import { describe, expect, it } from "vitest";
import { isTrustedSigningCertUrl, isTrustedSubscribeUrl, isTrustedUnsubscribeUrl } from "./sns-urls";
import { CERT_URL, subscribeUrl, TOPIC_ARN, unsubscribeUrl } from "@/lib/onboarding/sns/testing/sns-test-kit";

const ID = "0123456789abcdef0123456789abcdef";

describe("isTrustedSigningCertUrl", () => {
  it.each([
    CERT_URL,
    `https://sns.us-west-2.amazonaws.com/SimpleNotificationService-${ID}.pem`,
    `https://sns.ap-southeast-5.amazonaws.com/SimpleNotificationService-${ID}.pem`,
    `https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-${ID}.pem`,
    `https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-${ID}.pem`,
    "https://sns.us-east-2.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem",
    "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-ABCDEFabcdef0123456789ZZZZZZZZZZ.pem",
  ])("trusts %s", (url) => {
    expect(isTrustedSigningCertUrl(url)).toBe(true);
  });

  // The full hostile corpus lives in attacks.test.ts; these are the structural edges.
  it.each([
    `https://sns.cn-north-1.amazonaws.com/SimpleNotificationService-${ID}.pem`,
    `https://sns.us-east-1.amazonaws.com.cn/SimpleNotificationService-${ID}.pem`,
    `https://sns.us-east-1.amazonaws.com/SimpleNotificationService.pem`,
    `https://sns.us-east-1.amazonaws.com/SimpleNotificationService-${ID}0.pem`,
    `https://sns.us-east-1.amazonaws.com./SimpleNotificationService-${ID}.pem`,
    `https://sns.us-east-1.amazonaws.com:443/SimpleNotificationService-${ID}.pem`,
    42,
    null,
  ])("refuses %s", (url) => {
    expect(isTrustedSigningCertUrl(url)).toBe(false);
  });
});

describe("isTrustedSubscribeUrl", () => {
  it("trusts the URL SNS sends, for its own topic only", () => {
    expect(isTrustedSubscribeUrl(subscribeUrl(), TOPIC_ARN)).toBe(true);
    expect(isTrustedSubscribeUrl(subscribeUrl(), "arn:aws:sns:us-east-1:123456789012:other")).toBe(false);
  });

  it("accepts a percent-encoded TopicArn (decoded before comparing) and parameters in another order", () => {
    const encoded = subscribeUrl().replace(`TopicArn=${TOPIC_ARN}`, `TopicArn=${encodeURIComponent(TOPIC_ARN)}`);
    expect(isTrustedSubscribeUrl(encoded, TOPIC_ARN)).toBe(true);
    const reordered = `https://sns.us-east-1.amazonaws.com/?Token=abc&TopicArn=${TOPIC_ARN}&Action=ConfirmSubscription`;
    expect(isTrustedSubscribeUrl(reordered, TOPIC_ARN)).toBe(true);
  });

  it("accepts the China partition with the .com.cn host", () => {
    const arn = "arn:aws-cn:sns:cn-north-1:123456789012:t";
    const url = `https://sns.cn-north-1.amazonaws.com.cn/?Action=ConfirmSubscription&TopicArn=${arn}&Token=abc`;
    expect(isTrustedSubscribeUrl(url, arn)).toBe(true);
    expect(isTrustedSubscribeUrl(url.replace(".com.cn", ".com"), arn)).toBe(false);
  });

  it.each([
    ["another Region's endpoint", subscribeUrl().replace("us-east-1", "us-west-2")],
    ["a second TopicArn", `${subscribeUrl()}&TopicArn=${TOPIC_ARN}`],
    ["an extra parameter", `${subscribeUrl()}&Redirect=https://evil.example`],
    ["a missing Token", subscribeUrl().replace(/&Token=.*/, "")],
    ["an empty Token", subscribeUrl().replace(/&Token=.*/, "&Token=")],
    ["the Unsubscribe action", subscribeUrl().replace("ConfirmSubscription", "Unsubscribe")],
    ["a broken percent-escape", `${subscribeUrl()}%E0%A4%A`],
    ["a fragment", `${subscribeUrl()}#x`],
    ["a path", subscribeUrl().replace("/?", "/x?")],
    ["a malformed topic argument", subscribeUrl()],
  ])("refuses %s", (name, url) => {
    const topic = name === "a malformed topic argument" ? "not-an-arn" : TOPIC_ARN;
    expect(isTrustedSubscribeUrl(url, topic)).toBe(false);
  });
});

describe("isTrustedUnsubscribeUrl", () => {
  it("trusts the URL SNS sends with a Notification", () => {
    expect(isTrustedUnsubscribeUrl(unsubscribeUrl(), TOPIC_ARN)).toBe(true);
  });
  it.each([
    ["another topic's subscription", unsubscribeUrl("arn:aws:sns:us-east-1:123456789012:other")],
    ["a subscription id that is not a UUID", unsubscribeUrl(TOPIC_ARN, "x")],
    ["the topic ARN alone", unsubscribeUrl().replace(/:[^:]*$/, "")],
    ["the ConfirmSubscription action", unsubscribeUrl().replace("Unsubscribe&", "ConfirmSubscription&")],
    ["an evil host", unsubscribeUrl().replace("sns.us-east-1.amazonaws.com", "evil.example")],
  ])("refuses %s", (_name, url) => {
    expect(isTrustedUnsubscribeUrl(url, TOPIC_ARN)).toBe(false);
  });
});
