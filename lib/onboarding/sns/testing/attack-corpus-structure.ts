import { duplicateKey, edited, note, raw, served, sub, typed, without } from "./attack-corpus-helpers";
import { MAX_SNS_BODY_BYTES } from "../message";
import {
  type Attack,
  EXPIRED_CERT_URL,
  FUTURE_CERT_URL,
  notificationFields,
  subscribeUrl,
  unsubscribeUrl,
  WEAK_KEY_CERT_URL,
} from "./sns-test-kit";

// Attack corpus, part 3: the shape of the JSON (duplicates, syntax, types, stray fields) and the certificate a
// pinned URL serves.

export const STRUCTURE_ATTACKS: readonly Attack[] = [
  // JSON structure: duplicates (JSON.parse keeps the last one), syntax, shape
  raw("two Message keys, forged one last", duplicateKey("Message", "forged", false)),
  raw("two Message keys, forged one first", duplicateKey("Message", "forged")),
  raw("two TopicArn keys", duplicateKey("TopicArn", "arn:aws:sns:us-east-1:999999999999:evil", false)),
  raw("two Type keys", duplicateKey("Type", "SubscriptionConfirmation", false)),
  raw("two SigningCertURL keys, evil one first", duplicateKey("SigningCertURL", "https://evil.example/x.pem")),
  raw("two Signature keys", duplicateKey("Signature", "AAAA", false)),
  raw("two SignatureVersion keys", duplicateKey("SignatureVersion", "1")),
  raw("two Timestamp keys", duplicateKey("Timestamp", "2020-01-01T00:00:00.000Z", false)),
  raw("duplicate via a \\u-escaped key", (k) => note(k).replace("{", '{"\\u004dessage":"forged",')),
  raw("duplicate attribute name", (k) =>
    k
      .sign(notificationFields())
      .replace(/}$/, ',"MessageAttributes":{"a":{"Type":"String","Value":"1"},"a":{"Type":"String","Value":"2"}}}'),
  ),
  raw("duplicate key inside an attribute", (k) =>
    k.sign(notificationFields()).replace(/}$/, ',"MessageAttributes":{"a":{"Type":"String","Value":"1","Value":"2"}}}'),
  ),
  raw("truncated", (k) => note(k).slice(0, -1)),
  raw("trailing comma", (k) => note(k).replace(/}$/, ",}")),
  raw("single quotes", (k) => note(k).replaceAll('"Type"', "'Type'")),
  raw("a comment", (k) => note(k).replace("{", "{/* hi */")),
  raw("NaN value", (k) => note(k).replace(/}$/, ',"X":NaN}')),
  raw("trailing garbage", (k) => `${note(k)}x`),
  raw("two concatenated messages", (k) => note(k) + note(k)),
  raw("byte-order mark", (k) => `\ufeff${note(k)}`),
  raw("empty body", ""),
  raw("whitespace only", " \n\t"),
  raw("null", "null"),
  raw("an empty array", "[]"),
  raw("a string", '"Notification"'),
  raw("a number", "0"),
  raw("true", "true"),
  raw("the message wrapped in an array", (k) => `[${note(k)}]`),
  raw("the message wrapped in an object", (k) => `{"Message":${note(k)}}`),
  raw("signed Message over the size cap", (k) =>
    k.sign(notificationFields({ Message: "x".repeat(MAX_SNS_BODY_BYTES) })),
  ),
  raw("valid message padded with whitespace past the cap", (k) => note(k) + " ".repeat(MAX_SNS_BODY_BYTES)),
  raw("100,000-deep nested extra field", (k) =>
    note(k).replace(/}$/, `,"X":${"[".repeat(100_000)}${"]".repeat(100_000)}}`),
  ),
  ...["notification", "Notification ", "SubscriptionConfirmation\u0000", "Notification\u200b", "NOTIFICATION", ""].map(
    (t) => edited(`JSON: Type ${JSON.stringify(t)}`, note, (m) => void (m.Type = t), "malformed"),
  ),
  ...[1, null, ["Notification"], { Notification: true }].map((t) =>
    edited(`JSON: Type as ${JSON.stringify(t)}`, note, (m) => void (m.Type = t), "malformed"),
  ),
  ...[
    "Type",
    "MessageId",
    "TopicArn",
    "Message",
    "Timestamp",
    "SignatureVersion",
    "Signature",
    "SigningCertURL",
    "UnsubscribeURL",
  ].map((key) => without(key)),
  without("Token", sub),
  without("SubscribeURL", sub),
  ...[42, null, ["hi"], { hi: 1 }, true].map((v) => typed("Message", v)),
  typed("TopicArn", ["arn:aws:sns:us-east-1:123456789012:pump-onboarding"]),
  typed("Timestamp", 1772366370123),
  typed("MessageId", 7),
  typed("MessageId", "not-a-uuid"),
  typed("Subject", null),
  typed("Subject", 1),
  typed("Subject", ""),
  typed("Subject", "x".repeat(101)),
  typed("Subject", "bell\u0007"),
  typed("MessageAttributes", []),
  typed("MessageAttributes", "a=b"),
  typed("MessageAttributes", { a: { Type: "String", Value: 1 } }),
  typed("MessageAttributes", { a: { Type: "String", Value: "1", Extra: "x" } }),
  typed("MessageAttributes", { "bad name!": { Type: "String", Value: "1" } }),
  typed("UnsubscribeURL", null),
  typed("SigningCertURL", [
    "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem",
  ]),
  edited("JSON: Token on a Notification", note, (m) => void (m.Token = "abc"), "malformed"),
  edited("JSON: SubscribeURL on a Notification", note, (m) => void (m.SubscribeURL = subscribeUrl()), "malformed"),
  edited(
    "JSON: UnsubscribeURL on a SubscriptionConfirmation",
    sub,
    (m) => void (m.UnsubscribeURL = unsubscribeUrl()),
    "malformed",
  ),
  edited("JSON: Subject on a SubscriptionConfirmation", sub, (m) => void (m.Subject = "hi"), "malformed"),
  edited("JSON: Token with a newline", sub, (m) => void (m.Token = `abc\ndef`), "malformed"),
  raw("a __proto__ key", (k) => note(k).replace(/}$/, ',"__proto__":{"isAdmin":true}}')),
  edited("JSON: a constructor key", note, (m) => void (m["constructor"] = "x"), "malformed"),
  edited("JSON: a key differing only in case", note, (m) => void (m.message = "forged"), "malformed"),
  edited("JSON: a key with a trailing space", note, (m) => void (m["Message "] = "forged"), "malformed"),

  // Certificates served from a pinned URL that are not acceptable
  {
    name: "certificate: expired",
    body: (k) => k.sign(notificationFields(), 2, EXPIRED_CERT_URL),
    reason: "certificate",
  },
  {
    name: "certificate: not yet valid",
    body: (k) => k.sign(notificationFields(), 2, FUTURE_CERT_URL),
    reason: "certificate",
  },
  {
    name: "certificate: 1024-bit RSA key",
    body: (k) => k.sign(notificationFields(), 2, WEAK_KEY_CERT_URL),
    reason: "certificate",
  },
  served("not PEM at all", () => "not a certificate"),
  served("an HTML page around a certificate", (k) => `<html><body>${k.signerCertificatePem}</body></html>`),
  served("two certificates", (k) => k.signerCertificatePem + k.signerCertificatePem),
  served("a private key", (k) => k.signerKeyPem),
  served("a certificate padded past 16 KiB", (k) => k.signerCertificatePem + "\n".repeat(17_000)),
  served("empty", () => ""),
  served(
    "PEM armour around bytes that are not X.509",
    () => "-----BEGIN CERTIFICATE-----\nQUJDREVGR0g=\n-----END CERTIFICATE-----\n",
  ),
];
