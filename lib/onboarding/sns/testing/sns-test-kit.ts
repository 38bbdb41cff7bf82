import { generateKeyPairSync } from "node:crypto";
import { isTrustedSigningCertUrl } from "@/lib/aws/sns-urls";
import type { SnsMessageFields } from "../message";
import { signSnsMessage } from "../sign";
import { generateSandboxCertificate } from "./test-keys";
import type { VerifySnsOptions } from "../verify";

// Shared fixtures for the SNS tests (not a test file itself). One signer key for the whole file that imports it:
// RSA key generation is the slow part, certificates for the same key are cheap.

export const TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:pump-onboarding";
export const SECOND_TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:pump-onboarding";
export const NOW = new Date("2026-03-01T12:00:00.000Z");
export const SENT_AT = "2026-03-01T11:59:30.123Z";
export const MESSAGE_ID = "7f1d6f5e-3c1b-4a8e-9f7a-2b6c8d0e4a11";
export const SUBSCRIPTION_ID = "c9135db0-26c4-47ec-8998-413945fb5a96";
export const TOKEN = "2336412f37fb687f5d51e6e241d164b0533302ec696efc8f113cd2252ce8a925c1e44a3c4ca2984675da85b9bd8c05";

export const snsCertUrl = (region: string, id: string, suffix = "") =>
  `https://sns.${region}.amazonaws.com${suffix}/SimpleNotificationService-${id}.pem`;
export const CERT_URL = snsCertUrl("us-east-1", "0123456789abcdef0123456789abcdef");
export const EXPIRED_CERT_URL = snsCertUrl("us-east-1", "1111111111111111111111111111111a");
export const FUTURE_CERT_URL = snsCertUrl("us-east-1", "2222222222222222222222222222222b");
export const WEAK_KEY_CERT_URL = snsCertUrl("us-east-1", "3333333333333333333333333333333c");
/** A pinned-looking URL that SNS does not serve: the fetch fails (as a 404 would). */
export const MISSING_CERT_URL = snsCertUrl("us-east-1", "ffffffffffffffffffffffffffffffff");

export const subscribeUrl = (topicArn = TOPIC_ARN, token = TOKEN) =>
  `https://sns.${topicArn.split(":")[3]}.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=${token}`;
export const unsubscribeUrl = (topicArn = TOPIC_ARN, id = SUBSCRIPTION_ID) =>
  `https://sns.${topicArn.split(":")[3]}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topicArn}:${id}`;

type Notification = Extract<SnsMessageFields, { Type: "Notification" }>;
type Confirmation = Exclude<SnsMessageFields, { Type: "Notification" }>;

export function notificationFields(overrides: Partial<Notification> = {}): Notification {
  return {
    Type: "Notification",
    MessageId: MESSAGE_ID,
    TopicArn: TOPIC_ARN,
    Subject: "AWS CloudFormation custom resource request",
    Message: JSON.stringify({ RequestType: "Create", StackId: "arn:aws:cloudformation:us-east-1:210987654321:x" }),
    Timestamp: SENT_AT,
    UnsubscribeURL: unsubscribeUrl(),
    ...overrides,
  };
}

export function confirmationFields(
  type: Confirmation["Type"] = "SubscriptionConfirmation",
  overrides: Partial<Confirmation> = {},
): Confirmation {
  return {
    Type: type,
    MessageId: MESSAGE_ID,
    Token: TOKEN,
    TopicArn: TOPIC_ARN,
    Message: `You have chosen to subscribe to the topic ${TOPIC_ARN}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
    SubscribeURL: subscribeUrl(),
    Timestamp: SENT_AT,
    ...overrides,
  };
}

export type SnsTestKit = {
  signerKeyPem: string;
  attackerKeyPem: string;
  signerCertificatePem: string;
  /** PEM served per URL; any other pinned URL "404s" (the fetch rejects). Tests may add entries. */
  served: Map<string, string>;
  /** Every URL fetchCertificate was called with, in order; reset it per case. */
  fetches: string[];
  fetchCertificate: (url: string) => Promise<string>;
  sign: (fields: SnsMessageFields, version?: 1 | 2, certUrl?: string, keyPem?: string) => string;
  options: (overrides?: Partial<VerifySnsOptions>) => VerifySnsOptions;
};

export async function createSnsTestKit(): Promise<SnsTestKit> {
  const day = 86_400_000;
  // Valid around the fixed NOW (not the wall clock), so the suite means the same thing on any date.
  const validity = { notBefore: new Date(NOW.getTime() - 30 * day), notAfter: new Date(NOW.getTime() + 3650 * day) };
  const signer = await generateSandboxCertificate(validity);
  const expired = await generateSandboxCertificate({
    privateKeyPem: signer.privateKeyPem,
    notBefore: new Date(NOW.getTime() - 400 * day),
    notAfter: new Date(NOW.getTime() - day),
  });
  const future = await generateSandboxCertificate({
    privateKeyPem: signer.privateKeyPem,
    notBefore: new Date(NOW.getTime() + day),
    notAfter: new Date(NOW.getTime() + 400 * day),
  });
  const pkcs8 = { type: "pkcs8", format: "pem" } as const;
  const weakKeyPem = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export(pkcs8).toString();
  const weak = await generateSandboxCertificate({ privateKeyPem: weakKeyPem, ...validity });
  const attackerKeyPem = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export(pkcs8).toString();

  const served = new Map([
    [CERT_URL, signer.certificatePem],
    [EXPIRED_CERT_URL, expired.certificatePem],
    [FUTURE_CERT_URL, future.certificatePem],
    [WEAK_KEY_CERT_URL, weak.certificatePem],
  ]);
  const fetches: string[] = [];
  const kit: SnsTestKit = {
    signerKeyPem: signer.privateKeyPem,
    attackerKeyPem,
    signerCertificatePem: signer.certificatePem,
    served,
    fetches,
    fetchCertificate: async (url) => {
      fetches.push(url);
      const pem = served.get(url);
      if (pem === undefined) throw new Error(`404 ${isTrustedSigningCertUrl(url) ? "pinned" : "UNPINNED"} URL`);
      return pem;
    },
    sign: (fields, version = 2, certUrl = CERT_URL, keyPem = signer.privateKeyPem) =>
      signSnsMessage(fields, { privateKeyPem: keyPem, signatureVersion: version, signingCertUrl: certUrl }),
    options: (overrides = {}) => ({
      allowedTopicArns: [TOPIC_ARN, SECOND_TOPIC_ARN],
      minSignatureVersion: 2,
      now: NOW,
      fetchCertificate: kit.fetchCertificate,
      ...overrides,
    }),
  };
  return kit;
}

/** Parses a signed body, lets `edit` change the object, and serialises it again (no re-signing). */
export function editBody(body: string, edit: (message: Record<string, unknown>) => void): string {
  const message = JSON.parse(body) as Record<string, unknown>;
  edit(message);
  return JSON.stringify(message);
}

/** One row of the curated attack corpus: a hostile body and the rejection it must get. */
export type Attack = {
  name: string;
  body: (kit: SnsTestKit) => string;
  reason: "malformed" | "untrusted_topic" | "signature_version" | "stale" | "cert_url" | "certificate" | "signature";
  options?: Partial<VerifySnsOptions>;
  /** What the pinned URL serves for this row (default: the kit's map). */
  serve?: (kit: SnsTestKit) => string;
};
