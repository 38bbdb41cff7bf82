import type { SnsMessageFields } from "./message";

// The canonical string SNS signs (AWS "Verifying the signatures of Amazon SNS messages",
// https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html): for each key in this fixed,
// byte-sorted order, `key + "\n" + value + "\n"`, using the decoded JSON string values.
//
// Why the result is unambiguous even though `Message` may contain "\nMessageId\n…": every field after `Message`
// has a newline-free format (UUID, ISO timestamp, ARN, enum, and — enforced by message.ts — Subject, Token and
// SubscribeURL), and the last field is the fixed `Type`. So the string has exactly one split into fields, and a
// signed message cannot be re-cut into a different one (e.g. moving text from `Message` into `Subject`).

const NOTIFICATION_KEYS = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"] as const;
const CONFIRMATION_KEYS = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"] as const;

/** The fields each message type signs, in signing order. `Subject` only counts when present. */
export const SIGNED_KEYS = {
  Notification: NOTIFICATION_KEYS,
  SubscriptionConfirmation: CONFIRMATION_KEYS,
  UnsubscribeConfirmation: CONFIRMATION_KEYS,
} as const;

export type SnsSignatureVersion = "1" | "2";

/** SignatureVersion 1 = SHA1withRSA, 2 = SHA256withRSA (PKCS #1 v1.5 padding in both). */
export function hashForSignatureVersion(version: SnsSignatureVersion): "sha1" | "sha256" {
  return version === "2" ? "sha256" : "sha1";
}

/**
 * Builds the string to sign for one message. The key list is chosen by `Type`, which is itself signed, so a
 * Notification cannot be replayed as a SubscriptionConfirmation. Unsigned fields (SigningCertURL, UnsubscribeURL,
 * MessageAttributes, the signature itself) never enter it.
 */
export function buildStringToSign(message: SnsMessageFields): string {
  const fields = message as Readonly<Record<string, unknown>>;
  let out = "";
  for (const key of SIGNED_KEYS[message.Type]) {
    const value = fields[key];
    // Only Subject is optional (absent when published without one); a schema-valid message has every other key.
    if (value === undefined && key === "Subject") continue;
    out += `${key}\n${String(value)}\n`;
  }
  return out;
}
