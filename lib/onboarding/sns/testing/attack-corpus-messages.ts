import { constants } from "node:crypto";
import {
  edited,
  note,
  noteNoSubject,
  noteV1,
  nonCanonicalBase64,
  OTHER_UUID,
  sentAt,
  signBytes,
  signedAt,
  sub,
  TAMPER,
  unsub,
  withSignature,
} from "./attack-corpus-helpers";
import { buildStringToSign } from "../string-to-sign";
import {
  type Attack,
  CERT_URL,
  confirmationFields,
  editBody,
  EXPIRED_CERT_URL,
  MESSAGE_ID,
  MISSING_CERT_URL,
  notificationFields,
  NOW,
  SECOND_TOPIC_ARN,
  SENT_AT,
  subscribeUrl,
  unsubscribeUrl,
} from "./sns-test-kit";

// Attack corpus, part 2: what a message says and who signed it. Each row is signed by the real signer key over
// what it carries wherever possible, so only the check under test stands between it and acceptance.

export const MESSAGE_ATTACKS: readonly Attack[] = [
  // SignatureVersion policy and labels
  { name: "SignatureVersion 1 (valid SHA1 signature) when 2 is required", body: noteV1, reason: "signature_version" },
  {
    name: "SignatureVersion 1 on the second allowed topic",
    body: (k) =>
      k.sign(notificationFields({ TopicArn: SECOND_TOPIC_ARN, UnsubscribeURL: unsubscribeUrl(SECOND_TOPIC_ARN) }), 1),
    reason: "signature_version",
  },
  {
    name: "SignatureVersion 1 SubscriptionConfirmation when 2 is required",
    body: (k) => k.sign(confirmationFields(), 1),
    reason: "signature_version",
  },
  edited(
    "SignatureVersion relabelled 1 → 2 on a SHA1 signature",
    noteV1,
    (m) => void (m.SignatureVersion = "2"),
    "signature",
  ),
  edited(
    "SignatureVersion relabelled 2 → 1 on a SHA256 signature (v1 allowed)",
    note,
    (m) => void (m.SignatureVersion = "1"),
    "signature",
    { minSignatureVersion: 1 },
  ),
  ...["3", "0", "", " 2", "02", "2.0", "v2"].map((v) =>
    edited(`SignatureVersion ${JSON.stringify(v)}`, note, (m) => void (m.SignatureVersion = v), "malformed"),
  ),
  ...[2, null, ["2"]].map((v) =>
    edited(`SignatureVersion as ${JSON.stringify(v)}`, note, (m) => void (m.SignatureVersion = v), "malformed"),
  ),

  // Timestamp window and format (each signed over its own Timestamp, so only the window check stops it)
  signedAt("one second older than an hour", sentAt(-3_601_000), "stale"),
  signedAt("a day old", sentAt(-86_400_000), "stale"),
  signedAt("a year old", sentAt(-365 * 86_400_000), "stale"),
  signedAt("the epoch", "1970-01-01T00:00:00.000Z", "stale"),
  signedAt("a minute old with maxAgeSeconds 30", sentAt(-60_000), "stale", { maxAgeSeconds: 30 }),
  signedAt("five minutes and a second in the future", sentAt(301_000), "stale"),
  signedAt("a day in the future", sentAt(86_400_000), "stale"),
  signedAt("year 9999", "9999-12-31T23:59:59.999Z", "stale"),
  ...[
    ["without Z", "2026-03-01T11:59:30.123"],
    ["with +00:00", "2026-03-01T11:59:30.123+00:00"],
    ["with a +01:00 offset", "2026-03-01T12:59:30.123+01:00"],
    ["lowercase t and z", "2026-03-01t11:59:30.123z"],
    ["space separator", "2026-03-01 11:59:30.123Z"],
    ["date only", "2026-03-01"],
    ["February 30", "2026-02-30T11:59:30.123Z"],
    ["hour 24", "2026-03-01T24:00:00.000Z"],
    ["second 60", "2026-03-01T11:59:60.000Z"],
    ["month 13", "2026-13-01T11:59:30.123Z"],
    ["four fraction digits", "2026-03-01T11:59:30.1234Z"],
    ["trailing space", "2026-03-01T11:59:30.123Z "],
    ["RFC 1123", "Sun, 01 Mar 2026 11:59:30 GMT"],
    ["expanded year", "+002026-03-01T11:59:30.123Z"],
    ["Arabic-Indic digits", "٢٠٢٦-03-01T11:59:30.123Z"],
    ["empty", ""],
  ].map(([name, value]) => signedAt(name ?? "", value, "malformed")),
  signedAt("epoch milliseconds as a number", NOW.getTime(), "malformed"),
  signedAt("null", null, "malformed"),

  // Signed fields changed after signing: the signature is the only defence
  edited(
    `Message ${TAMPER}: one character`,
    note,
    (m) => void (m.Message = String(m.Message).replace("Create", "Delete")),
    "signature",
  ),
  edited(`Message ${TAMPER}: appended`, note, (m) => void (m.Message = `${String(m.Message)} `), "signature"),
  edited(`Message ${TAMPER}: emptied`, note, (m) => void (m.Message = ""), "signature"),
  edited(
    `Message ${TAMPER}: inner JSON re-serialised with spaces`,
    note,
    (m) => void (m.Message = JSON.stringify(JSON.parse(String(m.Message)), null, 1)),
    "signature",
  ),
  edited(`Message ${TAMPER}: trailing newline`, note, (m) => void (m.Message = `${String(m.Message)}\n`), "signature"),
  edited(
    `Message ${TAMPER}: NFC → NFD`,
    (k) => k.sign(notificationFields({ Message: "caf\u00e9" })),
    (m) => void (m.Message = "cafe\u0301"),
    "signature",
  ),
  edited(`MessageId ${TAMPER}`, note, (m) => void (m.MessageId = OTHER_UUID), "signature"),
  edited(`MessageId ${TAMPER}: uppercased`, note, (m) => void (m.MessageId = MESSAGE_ID.toUpperCase()), "signature"),
  edited(`Subject ${TAMPER}`, note, (m) => void (m.Subject = "Hello"), "signature"),
  edited(`Subject removed after signing`, note, (m) => void delete m.Subject, "signature"),
  edited(
    `Subject added after signing`,
    noteNoSubject,
    (m) => void (m.Subject = "AWS CloudFormation custom resource request"),
    "signature",
  ),
  edited(
    `Timestamp ${TAMPER} by 1 ms`,
    note,
    (m) => void (m.Timestamp = new Date(Date.parse(SENT_AT) + 1).toISOString()),
    "signature",
  ),
  edited(
    `TopicArn ${TAMPER} to the other allowed topic`,
    note,
    (m) => {
      m.TopicArn = SECOND_TOPIC_ARN;
      m.UnsubscribeURL = unsubscribeUrl(SECOND_TOPIC_ARN);
    },
    "signature",
  ),
  edited(`Token ${TAMPER}`, sub, (m) => void (m.Token = "ffff"), "signature"),
  edited(
    `SubscribeURL ${TAMPER} (still pinned)`,
    sub,
    (m) => void (m.SubscribeURL = subscribeUrl(undefined, "ffff")),
    "signature",
  ),
  edited(
    `Token and SubscribeURL ${TAMPER} together`,
    sub,
    (m) => {
      m.Token = "ffff";
      m.SubscribeURL = subscribeUrl(undefined, "ffff");
    },
    "signature",
  ),
  edited(`SubscriptionConfirmation Message ${TAMPER}`, sub, (m) => void (m.Message = "Click here"), "signature"),
  edited(
    "type confusion: Notification delivered as SubscriptionConfirmation",
    note,
    (m) => {
      Object.assign(m, {
        Type: "SubscriptionConfirmation",
        Token: "abc",
        SubscribeURL: subscribeUrl(undefined, "abc"),
      });
      delete m.Subject;
      delete m.UnsubscribeURL;
    },
    "signature",
  ),
  edited(
    "type confusion: SubscriptionConfirmation delivered as UnsubscribeConfirmation",
    sub,
    (m) => void (m.Type = "UnsubscribeConfirmation"),
    "signature",
  ),
  edited(
    "type confusion: UnsubscribeConfirmation delivered as SubscriptionConfirmation",
    unsub,
    (m) => void (m.Type = "SubscriptionConfirmation"),
    "signature",
  ),
  edited(
    "type confusion: SubscriptionConfirmation delivered as Notification",
    sub,
    (m) => {
      Object.assign(m, { Type: "Notification", UnsubscribeURL: unsubscribeUrl() });
      delete m.Token;
      delete m.SubscribeURL;
    },
    "signature",
  ),
  edited(
    "type confusion: Notification with Token and SubscribeURL added",
    note,
    (m) => Object.assign(m, { Token: "abc", SubscribeURL: subscribeUrl() }),
    "malformed",
  ),
  {
    name: "canonical re-split: text moved from Message into a Subject containing newlines",
    body: (k) =>
      editBody(
        k.sign(
          notificationFields({ Subject: undefined, Message: `hello\nMessageId\n${OTHER_UUID}\nSubject\ninjected` }),
        ),
        (m) => {
          Object.assign(m, { Message: "hello", MessageId: OTHER_UUID, Subject: `injected\nMessageId\n${MESSAGE_ID}` });
        },
      ),
    reason: "malformed",
  },
  edited(
    "SigningCertURL swapped to an expired certificate of the same key",
    note,
    (m) => void (m.SigningCertURL = EXPIRED_CERT_URL),
    "certificate",
  ),
  edited(
    "SigningCertURL swapped to a pinned URL SNS does not serve",
    note,
    (m) => void (m.SigningCertURL = MISSING_CERT_URL),
    "certificate",
  ),

  // Signatures that are not SNS's signature over this message
  {
    name: "Signature: from another key, pointing at the real certificate URL",
    body: (k) => k.sign(notificationFields(), 2, CERT_URL, k.attackerKeyPem),
    reason: "signature",
  },
  {
    name: "Signature: from another key, SignatureVersion 1 allowed",
    body: (k) => k.sign(notificationFields(), 1, CERT_URL, k.attackerKeyPem),
    reason: "signature",
    options: { minSignatureVersion: 1 },
  },
  withSignature("truncated by four characters", (_k, b) => String(JSON.parse(b).Signature).slice(0, -4), "signature"),
  withSignature("truncated to half", (_k, b) => String(JSON.parse(b).Signature).slice(0, 172), "signature"),
  withSignature("empty", () => "", "malformed"),
  withSignature("minimal base64", () => "AAAA", "signature"),
  withSignature("not base64", () => "!!!!", "malformed"),
  withSignature("base64url alphabet", (_k, b) => `${String(JSON.parse(b).Signature).slice(0, -6)}-_-_==`, "malformed"),
  withSignature(
    "wrapped at 76 columns",
    (_k, b) => String(JSON.parse(b).Signature).replace(/(.{76})/g, "$1\n"),
    "malformed",
  ),
  withSignature(
    "non-canonical padding bits (same bytes)",
    (_k, b) => nonCanonicalBase64(String(JSON.parse(b).Signature)),
    "malformed",
  ),
  withSignature("256 zero bytes", () => Buffer.alloc(256).toString("base64"), "signature"),
  withSignature("512 bytes (longer than the modulus)", () => Buffer.alloc(512, 7).toString("base64"), "signature"),
  withSignature("one byte", () => "AQ==", "signature"),
  withSignature(
    "replayed from another message",
    (k) => JSON.parse(k.sign(notificationFields({ Message: "other" }))).Signature,
    "signature",
  ),
  withSignature(
    "right key over the JSON body instead of the canonical string",
    (k) => signBytes(k, JSON.stringify(notificationFields())),
    "signature",
  ),
  withSignature(
    "right key over the canonical string minus its last newline",
    (k) => signBytes(k, buildStringToSign(notificationFields()).slice(0, -1)),
    "signature",
  ),
  withSignature(
    "right key and string, RSA-PSS padding",
    (k) => signBytes(k, buildStringToSign(notificationFields()), "sha256", constants.RSA_PKCS1_PSS_PADDING),
    "signature",
  ),
  withSignature(
    "right key and string, SHA-512",
    (k) => signBytes(k, buildStringToSign(notificationFields()), "sha512"),
    "signature",
  ),
  withSignature("as a number", () => 12345, "malformed"),
  withSignature("as null", () => null, "malformed"),
];
