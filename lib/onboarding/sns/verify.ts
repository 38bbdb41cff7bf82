import { verify as verifySignature } from "node:crypto";
import { checkSigningCertificate } from "./certificate";
import { isTrustedSigningCertUrl, isTrustedSubscribeUrl, isTrustedUnsubscribeUrl } from "@/lib/aws/sns-urls";
import { parseSnsBody, parseSnsTimestamp, type SnsMessage } from "./message";
import { buildStringToSign, hashForSignatureVersion } from "./string-to-sign";

export type SnsRejectionReason =
  "malformed" | "untrusted_topic" | "signature_version" | "stale" | "cert_url" | "certificate" | "signature";

/**
 * `retryable` is true only when the certificate could not be fetched: a transient fault on our side, so the route
 * should answer 5xx and let SNS retry. Every other rejection is permanent (4xx, logged) — see
 * README › Onboarding: templates and the callback.
 */
export type SnsRejection = { ok: false; reason: SnsRejectionReason; detail: string; retryable: boolean };
export type VerifySnsResult = { ok: true; message: SnsMessage } | SnsRejection;

export type VerifySnsOptions = {
  /** Exact, case-sensitive topic ARNs Pump owns. */
  allowedTopicArns: readonly string[];
  /**
   * 2 in production (the topics use SignatureVersion=2, README › Onboarding: templates and the callback): SHA1-signed
   * messages are refused unless this is lowered to 1.
   */
  minSignatureVersion: 1 | 2;
  now: Date;
  /** Oldest accepted message age; default 3,600 s, SNS's hard cap on the total HTTP/S retry time. */
  maxAgeSeconds?: number;
  /**
   * Returns the PEM at a URL (normally `createCertificateFetcher`, cert-cache.ts). Only ever called with a URL that
   * passed `isTrustedSigningCertUrl`. It must time out on its own: the callback has to answer SNS within 2 s.
   */
  fetchCertificate: (url: string) => Promise<string>;
};

export const DEFAULT_MAX_AGE_SECONDS = 3600;
/** Clock skew we tolerate for a Timestamp in the future. */
export const MAX_FUTURE_SKEW_SECONDS = 300;

/**
 * Verifies an SNS HTTP(S) request body. The steps run cheapest and most local first, and everything an outsider can
 * choose is settled before the single outbound request: parse → TopicArn allowlist → SignatureVersion policy →
 * Timestamp window → URL pins → fetch certificate → certificate checks → RSA signature. A message rejected before
 * the fetch causes no network traffic at all. Never throws on hostile input; throws only on invalid options (a bug).
 */
export async function verifySnsMessage(raw: string, opts: VerifySnsOptions): Promise<VerifySnsResult> {
  const maxAgeSeconds = opts.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  if (!Number.isFinite(opts.now.getTime())) throw new TypeError("verifySnsMessage: `now` is not a valid Date");
  if (!(maxAgeSeconds > 0)) throw new TypeError("verifySnsMessage: `maxAgeSeconds` must be positive");
  if (opts.minSignatureVersion !== 1 && opts.minSignatureVersion !== 2) {
    throw new TypeError("verifySnsMessage: `minSignatureVersion` must be 1 or 2");
  }

  const parsed = parseSnsBody(raw);
  if (!parsed.ok) return reject("malformed", parsed.detail);
  const message = parsed.message;

  // Exact match: ARNs are case-sensitive, and no trimming or normalising, so " arn:…" or "ARN:…" never pass.
  if (!opts.allowedTopicArns.includes(message.TopicArn)) return reject("untrusted_topic", "TopicArn not allowed");

  if (Number(message.SignatureVersion) < opts.minSignatureVersion) {
    return reject("signature_version", `SignatureVersion ${message.SignatureVersion} below the required minimum`);
  }

  const sentAt = parseSnsTimestamp(message.Timestamp);
  const ageMs = opts.now.getTime() - (sentAt ?? Number.NaN);
  if (!(ageMs <= maxAgeSeconds * 1000)) return reject("stale", "Timestamp older than the accepted window");
  if (ageMs < -MAX_FUTURE_SKEW_SECONDS * 1000) return reject("stale", "Timestamp too far in the future");

  if (!isTrustedSigningCertUrl(message.SigningCertURL)) {
    return reject("cert_url", "SigningCertURL is not a pinned SNS certificate URL");
  }
  // Pinned before any network traffic too: SubscribeURL is what a confirmation would GET (SSRF), and
  // UnsubscribeURL is unsigned, so a tampered one is refused rather than carried along.
  if (message.Type === "Notification") {
    if (!isTrustedUnsubscribeUrl(message.UnsubscribeURL, message.TopicArn)) {
      return reject("malformed", "UnsubscribeURL is not a pinned SNS Unsubscribe URL for this topic");
    }
  } else if (!isTrustedSubscribeUrl(message.SubscribeURL, message.TopicArn)) {
    return reject("malformed", "SubscribeURL is not a pinned SNS ConfirmSubscription URL for this topic");
  }

  let pem: unknown;
  try {
    pem = await opts.fetchCertificate(message.SigningCertURL);
  } catch {
    return { ok: false, reason: "certificate", detail: "signing certificate could not be fetched", retryable: true };
  }
  const certificate = checkSigningCertificate(pem, opts.now);
  if (!certificate.ok) return reject("certificate", certificate.detail);

  let isValid = false;
  try {
    isValid = verifySignature(
      hashForSignatureVersion(message.SignatureVersion),
      Buffer.from(buildStringToSign(message), "utf8"),
      certificate.publicKey,
      Buffer.from(message.Signature, "base64"),
    );
  } catch {
    isValid = false; // e.g. a signature longer than the modulus: OpenSSL errors instead of returning false
  }
  if (!isValid) return reject("signature", "signature does not verify");
  return { ok: true, message };
}

function reject(reason: SnsRejectionReason, detail: string): SnsRejection {
  return { ok: false, reason, detail, retryable: false };
}
