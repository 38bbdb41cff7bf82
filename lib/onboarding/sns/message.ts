import { z } from "zod";
import { parseTopicArn } from "@/lib/aws/sns-urls";
import { parseStrictJson } from "./strict-json";

// The three SNS HTTP(S) envelopes exactly as SNS sends them
// (https://docs.aws.amazon.com/sns/latest/dg/sns-message-and-json-formats.html): every field a string, no extras.
// Unknown keys are rejected rather than ignored: an unsigned extra field (a `SubscribeURL` on a Notification, say)
// is exactly what a consumer could later trust by mistake. If AWS ever adds a field, verification fails loudly
// (4xx, logged) instead of silently passing unsigned data through.

/**
 * SNS caps a published message (body plus attributes) at 256 KiB. The envelope adds ~2 KiB of fixed fields, and
 * JSON-escaping `Message` can grow it (`"` and `\` take two bytes, control characters six). 320 KiB = 256 KiB plus
 * a quarter: far above what our topics carry (CloudFormation custom-resource requests of a few KiB) and above any
 * near-limit message with ordinary escaping, while a hostile body costs at most this much parsing. Counted in
 * UTF-8 bytes, as the body arrived on the wire.
 */
export const MAX_SNS_BODY_BYTES = 320 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
// Printable ASCII without spaces: tokens and signed URLs never contain anything else, and no newline may reach the
// string to sign except inside `Message` (that is what keeps the canonical string unambiguous, string-to-sign.ts).
const PRINTABLE = /^[!-~]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// SNS attribute names: letters, digits, `_`, `-`, `.`. `__proto__` would be dropped by a plain-object copy.
const ATTRIBUTE_NAME = /^(?!__proto__$)[A-Za-z0-9_.-]{1,256}$/;

/** Epoch ms of an SNS `Timestamp`, or null. Rejects impossible dates that `Date.parse` would roll over (Feb 30). */
export function parseSnsTimestamp(value: string): number | null {
  if (!ISO_TIMESTAMP.test(value)) return null;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return null;
  return new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19) ? ms : null;
}

const messageId = z.string().regex(UUID, "not a UUID");
const topicArn = z.string().refine((v) => parseTopicArn(v) !== null, "not an SNS topic ARN");
const timestamp = z.string().refine((v) => parseSnsTimestamp(v) !== null, "not an ISO-8601 UTC timestamp");
// SigningCertURL, SubscribeURL and UnsubscribeURL are pinned in verify.ts, before any network traffic; here only
// a sane bound.
const url = z.string().min(1).max(2048);
const signedUrl = url.regex(PRINTABLE, "contains whitespace or non-ASCII");
const signature = z
  .string()
  .min(4)
  .max(1024) // a 4096-bit RSA signature is 684 base64 characters
  .regex(BASE64, "not base64")
  // Canonical only: Node's decoder ignores stray padding bits, so two spellings could carry one signature.
  .refine((v) => Buffer.from(v, "base64").toString("base64") === v, "not canonical base64");

const signedEnvelope = {
  MessageId: messageId,
  TopicArn: topicArn,
  Message: z.string(),
  Timestamp: timestamp,
  SignatureVersion: z.enum(["1", "2"]),
  Signature: signature,
  SigningCertURL: url,
};

const confirmationFields = {
  ...signedEnvelope,
  Token: z.string().min(1).max(2048).regex(PRINTABLE, "contains whitespace or non-ASCII"),
  SubscribeURL: signedUrl,
};

export const snsNotificationSchema = z.strictObject({
  Type: z.literal("Notification"),
  ...signedEnvelope,
  // SNS's Publish rule: no line breaks or control characters, under 100 characters. Absent when not published.
  Subject: z
    .string()
    .min(1)
    .max(100)
    .refine((v) => !/\p{Cc}/u.test(v), "contains control characters")
    .optional(),
  UnsubscribeURL: url,
  // Not covered by the signature: informational only, never a basis for a decision.
  MessageAttributes: z
    .record(z.string().regex(ATTRIBUTE_NAME), z.strictObject({ Type: z.string().min(1).max(256), Value: z.string() }))
    .optional(),
});

export const snsSubscriptionConfirmationSchema = z.strictObject({
  Type: z.literal("SubscriptionConfirmation"),
  ...confirmationFields,
});

export const snsUnsubscribeConfirmationSchema = z.strictObject({
  Type: z.literal("UnsubscribeConfirmation"),
  ...confirmationFields,
});

export const snsMessageSchema = z.discriminatedUnion("Type", [
  snsNotificationSchema,
  snsSubscriptionConfirmationSchema,
  snsUnsubscribeConfirmationSchema,
]);

export type SnsNotification = z.infer<typeof snsNotificationSchema>;
export type SnsSubscriptionConfirmation = z.infer<typeof snsSubscriptionConfirmationSchema>;
export type SnsUnsubscribeConfirmation = z.infer<typeof snsUnsubscribeConfirmationSchema>;
export type SnsMessage = z.infer<typeof snsMessageSchema>;
export type SnsMessageType = SnsMessage["Type"];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A message before signing: what sign.ts takes. */
export type SnsMessageFields = DistributiveOmit<SnsMessage, "SignatureVersion" | "Signature" | "SigningCertURL">;

export type SnsParseResult = { ok: true; message: SnsMessage } | { ok: false; reason: "malformed"; detail: string };

/**
 * Parses an SNS HTTP(S) request body (read with `await req.text()`). Never throws; every failure is a typed
 * rejection whose `detail` names fields and rules, never echoes values (it is meant for the server log).
 */
export function parseSnsBody(raw: string): SnsParseResult {
  if (typeof raw !== "string") return malformed("body is not a string");
  // UTF-8 needs at least one byte per UTF-16 unit, so the cheap length check never under-counts.
  if (raw.length > MAX_SNS_BODY_BYTES || Buffer.byteLength(raw, "utf8") > MAX_SNS_BODY_BYTES) {
    return malformed(`body exceeds ${MAX_SNS_BODY_BYTES} bytes`);
  }
  const json = parseStrictJson(raw);
  if (!json.ok) return malformed(json.detail);
  const value = json.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return malformed("body is not an object");
  const type = (value as Record<string, unknown>).Type;
  if (type !== "Notification" && type !== "SubscriptionConfirmation" && type !== "UnsubscribeConfirmation") {
    return malformed("unknown or missing Type");
  }
  const parsed = snsMessageSchema.safeParse(value);
  if (!parsed.success) {
    return malformed(`invalid ${type}: ${parsed.error.issues.slice(0, 10).map(describeIssue).join("; ")}`);
  }
  return { ok: true, message: parsed.data };
}

// Field names in a path can be attacker-chosen (attribute names, unknown keys): quote and clip them for the log.
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => JSON.stringify(String(p)).slice(0, 40)).join(".") || "(root)";
  const what = issue.code === "unrecognized_keys" ? `${issue.keys.length} unexpected field(s)` : issue.message;
  return `${path}: ${what}`;
}

function malformed(detail: string): SnsParseResult {
  return { ok: false, reason: "malformed", detail };
}
