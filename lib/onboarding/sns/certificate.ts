import { X509Certificate, type KeyObject } from "node:crypto";
import { MAX_CERTIFICATE_PEM_BYTES } from "@/lib/aws/sns-urls";

// Checks on the certificate fetched from a pinned SigningCertURL. What makes it trustworthy is WHERE it came from:
// only SNS can publish a file under `https://sns.<region>.amazonaws.com/`, and the fetch is HTTPS with normal TLS
// validation. We deliberately do not build a chain to a CA or match the subject: SNS's certificates have changed
// issuers over the years (VeriSign in 2015, Amazon in 2022), and a subject check adds nothing the URL pin does not
// already give. What we do check is cheap hygiene that catches a broken or substituted file.

const MIN_RSA_BITS = 2048;
// Exactly one PEM certificate block and nothing else (no HTML error page wrapped around it, no second block).
const CERTIFICATE_PEM =
  /^-----BEGIN CERTIFICATE-----\r?\n(?:[A-Za-z0-9+/=]{1,76}\r?\n){1,300}-----END CERTIFICATE-----\r?\n?$/;

export function isCertificatePem(pem: unknown): pem is string {
  return typeof pem === "string" && pem.length <= MAX_CERTIFICATE_PEM_BYTES && CERTIFICATE_PEM.test(pem);
}

export type CertificateCheck = { ok: true; publicKey: KeyObject } | { ok: false; detail: string };

/** Parses the PEM and checks it is currently valid and carries an RSA key of at least 2048 bits. Never throws. */
export function checkSigningCertificate(pem: unknown, now: Date): CertificateCheck {
  if (!isCertificatePem(pem)) return { ok: false, detail: "not a single PEM certificate within the size cap" };
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    return { ok: false, detail: "certificate does not parse as X.509" };
  }
  // Node 20 exposes only the OpenSSL strings ("Aug 22 23:59:59 2015 GMT"), which Date.parse reads as UTC.
  const notBefore = Date.parse(certificate.validFrom);
  const notAfter = Date.parse(certificate.validTo);
  if (!Number.isFinite(notBefore) || !Number.isFinite(notAfter)) {
    return { ok: false, detail: "certificate validity dates unreadable" };
  }
  const at = now.getTime();
  if (at < notBefore) return { ok: false, detail: "certificate not yet valid" };
  if (at > notAfter) return { ok: false, detail: "certificate expired" };
  const { publicKey } = certificate;
  if (publicKey.asymmetricKeyType !== "rsa") return { ok: false, detail: "certificate key is not RSA" };
  const bits = publicKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) return { ok: false, detail: `certificate RSA key shorter than ${MIN_RSA_BITS} bits` };
  return { ok: true, publicKey };
}
