import { createPrivateKey, sign } from "node:crypto";
import type { SnsMessageFields } from "./message";
import { buildStringToSign, hashForSignatureVersion } from "./string-to-sign";

// Produces the exact body SNS would POST, signed with a key we hold. Used by the sandbox's "simulate customer
// deployment" (with the sandbox-only certificate, never trusted in production: production trusts only the pinned
// AWS URL) and by the tests. It shares buildStringToSign with verify.ts, so a sign → verify round trip cannot catch
// a misreading of the SNS rules by itself: the messages signed by SNS in aws-vectors.ts are what pin that down.

export type SignSnsOptions = {
  privateKeyPem: string;
  signatureVersion: 1 | 2;
  signingCertUrl: string;
};

// SNS's own key order, so simulated bodies look like real ones in logs and fixtures.
const BODY_KEY_ORDER = [
  "Type",
  "MessageId",
  "Token",
  "TopicArn",
  "Subject",
  "Message",
  "SubscribeURL",
  "Timestamp",
  "SignatureVersion",
  "Signature",
  "SigningCertURL",
  "UnsubscribeURL",
  "MessageAttributes",
] as const;

/** Signs `fields` and returns the JSON body string. No validation: tests sign deliberately odd messages too. */
export function signSnsMessage(fields: SnsMessageFields, options: SignSnsOptions): string {
  const version = options.signatureVersion === 2 ? "2" : "1";
  const signature = sign(
    hashForSignatureVersion(version),
    Buffer.from(buildStringToSign(fields), "utf8"),
    createPrivateKey(options.privateKeyPem),
  ).toString("base64");
  const full: Record<string, unknown> = {
    ...fields,
    SignatureVersion: version,
    Signature: signature,
    SigningCertURL: options.signingCertUrl,
  };
  const body: Record<string, unknown> = {};
  for (const key of BODY_KEY_ORDER) if (full[key] !== undefined) body[key] = full[key];
  return JSON.stringify(body);
}
