import { constants, createPrivateKey, sign } from "node:crypto";
import { type Attack, confirmationFields, editBody, NOW, notificationFields, type SnsTestKit } from "./sns-test-kit";

// Builders shared by the attack-corpus files: each returns one named row of the curated corpus.

export type Edit = (message: Record<string, unknown>) => void;
export type Body = (k: SnsTestKit) => string;

export const note: Body = (k) => k.sign(notificationFields());
export const noteV1: Body = (k) => k.sign(notificationFields(), 1);
export const noteNoSubject: Body = (k) => k.sign(notificationFields({ Subject: undefined }));
export const sub: Body = (k) => k.sign(confirmationFields("SubscriptionConfirmation"));
export const unsub: Body = (k) => k.sign(confirmationFields("UnsubscribeConfirmation"));

export const edited = (
  name: string,
  base: Body,
  edit: Edit,
  reason: Attack["reason"],
  options?: Attack["options"],
): Attack => ({
  name,
  body: (k) => editBody(base(k), edit),
  reason,
  options,
});
export const raw = (name: string, body: Body | string, reason: Attack["reason"] = "malformed"): Attack => ({
  name: `JSON: ${name}`,
  body: typeof body === "string" ? () => body : body,
  reason,
});
export const sentAt = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();
export const signedAt = (
  name: string,
  timestamp: unknown,
  reason: Attack["reason"],
  options?: Attack["options"],
): Attack => ({
  name: `Timestamp: ${name}`,
  body: (k) => k.sign(notificationFields({ Timestamp: timestamp as string })),
  reason,
  options,
});
export const withSignature = (
  name: string,
  signature: (k: SnsTestKit, body: string) => unknown,
  reason: Attack["reason"],
): Attack => ({
  name: `Signature: ${name}`,
  body: (k) => {
    const body = note(k);
    return editBody(body, (m) => void (m.Signature = signature(k, body)));
  },
  reason,
});
export const served = (name: string, pem: (k: SnsTestKit) => string): Attack => ({
  name: `certificate: ${name}`,
  body: note,
  reason: "certificate",
  serve: pem,
});
/** Signs arbitrary bytes with the real signer key: a correct key over the wrong content. */
export const signBytes = (k: SnsTestKit, data: string, hash = "sha256", padding = constants.RSA_PKCS1_PADDING) =>
  sign(hash, Buffer.from(data), { key: createPrivateKey(k.signerKeyPem), padding }).toString("base64");

const A64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** Same bytes, different spelling: sets an ignored padding bit of the last data character. */
export const nonCanonicalBase64 = (sig: string) => {
  const i = sig.length - 3;
  return sig.slice(0, i) + A64[A64.indexOf(sig[i] ?? "A") | 1] + sig.slice(i + 1);
};
export const OTHER_UUID = "0b5c3f1e-9d2a-4c6b-8e7f-1a2b3c4d5e6f";
export const duplicateKey =
  (key: string, value: unknown, first = true) =>
  (k: SnsTestKit) => {
    const body = note(k);
    const extra = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
    return first ? body.replace("{", `{${extra},`) : body.replace(/}$/, `,${extra}}`);
  };
export const without = (key: string, base: Body = note) =>
  edited(`missing ${key}`, base, (m) => void delete m[key], "malformed");
export const typed = (key: string, value: unknown) =>
  edited(`${key} as ${JSON.stringify(value)}`, note, (m) => void (m[key] = value), "malformed");
export const TAMPER = "tampered after signing";
