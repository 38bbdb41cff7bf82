// Reflect polyfill first: @peculiar/x509 resolves its services through tsyringe, which needs it at import time.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { createPrivateKey, createPublicKey, randomBytes, webcrypto } from "node:crypto";

// Test and sandbox helper ONLY — never imported by app code. It mints an RSA key and a self-signed certificate
// that plays the part of SNS's signing certificate in tests and in the sandbox. Production trusts no certificate
// by content: only what the pinned https://sns.<region>.amazonaws.com/ URL serves (certificate.ts).
//
// Why @peculiar/x509: maintained (PeculiarVentures, also behind pkijs and @peculiar/webcrypto), TypeScript-first,
// runs on Node's own WebCrypto, no install scripts and no native code; `selfsigned` 5.x is a wrapper around it.
// It needs a Reflect polyfill (reflect-metadata, no dependencies). Both are devDependencies.
//
// Regenerating the sandbox certificate (the sandbox commits one fixed pair; whoever wires it in decides where):
//   npx tsx -e 'import("./lib/onboarding/sns/test-keys.ts").then(async (m) => {
//     const c = await m.generateSandboxCertificate();
//     process.stdout.write(c.certificatePem + c.privateKeyPem); })'
// The default validity is 20 years, so it does not expire under a long-lived sandbox.

export type SandboxCertificate = { certificatePem: string; privateKeyPem: string };

export type SandboxCertificateOptions = {
  /** Reuse an existing PKCS #8 RSA key (tests mint several certificates for one key). New 2048-bit key if absent. */
  privateKeyPem?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** Subject and issuer common name. Deliberately not "sns.amazonaws.com": a sandbox certificate says what it is. */
  commonName?: string;
};

const DAY_MS = 86_400_000;
const RSA_SHA256 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export async function generateSandboxCertificate(options: SandboxCertificateOptions = {}): Promise<SandboxCertificate> {
  const keys = options.privateKeyPem ? await importKeyPair(options.privateKeyPem) : await generateKeyPair();
  const now = Date.now();
  const serial = randomBytes(16);
  serial.writeUInt8(serial.readUInt8(0) & 0x7f, 0); // positive: DER INTEGER without a sign byte
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString("hex"),
    name: `CN=${options.commonName ?? "Pump sandbox SNS signer (not AWS)"}`,
    notBefore: options.notBefore ?? new Date(now - DAY_MS),
    notAfter: options.notAfter ?? new Date(now + 20 * 365 * DAY_MS),
    keys,
    signingAlgorithm: RSA_SHA256,
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  // The library's PEM has no final newline; add one so the two PEMs can be concatenated into one file.
  return { certificatePem: `${certificate.toString("pem").trimEnd()}\n`, privateKeyPem: toPem("PRIVATE KEY", pkcs8) };
}

async function generateKeyPair(): Promise<CryptoKeyPair> {
  const params = { ...RSA_SHA256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };
  return (await webcrypto.subtle.generateKey(params, true, ["sign", "verify"])) as CryptoKeyPair;
}

async function importKeyPair(privateKeyPem: string): Promise<CryptoKeyPair> {
  const privateKey = createPrivateKey(privateKeyPem);
  const spki = createPublicKey(privateKey).export({ type: "spki", format: "der" });
  const pkcs8 = privateKey.export({ type: "pkcs8", format: "der" });
  return {
    privateKey: (await webcrypto.subtle.importKey("pkcs8", pkcs8, RSA_SHA256, true, ["sign"])) as CryptoKey,
    publicKey: (await webcrypto.subtle.importKey("spki", spki, RSA_SHA256, true, ["verify"])) as CryptoKey,
  };
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}
