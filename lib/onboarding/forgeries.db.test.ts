import fc from "fast-check";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, awsAccounts, callbackMessages, sandboxCfnResponses } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { SANDBOX_SIGNING_CERT_URL, SANDBOX_SIGNING_KEY_PEM } from "@/lib/aws/sandbox-sns-cert";
import { ingestCallback } from "./ingest-callback";
import { sandboxCallbackDeps } from "./testing/callback-test-deps";
import { sandboxCallbackBody } from "./sandbox-callback";
import { isTrustedSigningCertUrl } from "@/lib/aws/sns-urls";
import { signSnsMessage } from "./sns/sign";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
});
afterAll(() => handle.close());

const fetched: string[] = [];
const deps = () => sandboxCallbackDeps(handle.db, (url) => fetched.push(url));

const valid = () =>
  sandboxCallbackBody({
    pumpId: "PUMP-0042",
    accountId: "444455556666",
    region: "us-east-1",
    roleType: "autopilot",
    externalId: "pump-x1",
    token: "t",
  }).body;
const writes = async () =>
  Promise.all(
    [callbackMessages, sandboxCfnResponses, awsAccounts, auditEvents].map(
      async (t) => (await handle.db.select({ n: count() }).from(t))[0]!.n,
    ),
  );

const resign = (fields: Record<string, unknown>, certUrl = SANDBOX_SIGNING_CERT_URL, version: 1 | 2 = 2) =>
  signSnsMessage(fields as never, {
    privateKeyPem: SANDBOX_SIGNING_KEY_PEM,
    signatureVersion: version,
    signingCertUrl: certUrl,
  });
const without = (body: string, keys: string[]) =>
  Object.fromEntries(Object.entries(JSON.parse(body) as Record<string, string>).filter(([k]) => !keys.includes(k)));
const fieldsOf = (body: string) => without(body, ["Signature", "SignatureVersion", "SigningCertURL"]);

describe(`forged callbacks at the route's door (${testDatabaseKind()})`, () => {
  it("accepts the genuine sandbox message (so the rejections below are not for another reason)", async () => {
    const before = await writes();
    expect((await ingestCallback(deps(), valid())).status).toBe(200);
    expect((await writes())[0]).toBe(before[0]! + 1);
  });

  it.each([
    [
      "a certificate URL on another pinned-shape id (AWS would 404)",
      (b: string) =>
        resign(
          fieldsOf(b),
          "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem",
        ),
    ],
    [
      "a certificate on S3",
      (b: string) =>
        resign(
          fieldsOf(b),
          "https://s3.amazonaws.com/evil/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem",
        ),
    ],
    ["SignatureVersion 1 when 2 is required", (b: string) => resign(fieldsOf(b), SANDBOX_SIGNING_CERT_URL, 1)],
    [
      "an untrusted topic, validly signed",
      (b: string) => resign({ ...fieldsOf(b), TopicArn: "arn:aws:sns:us-east-1:999999999999:evil" }),
    ],
    [
      "a stale timestamp, validly signed",
      (b: string) => resign({ ...fieldsOf(b), Timestamp: "2020-01-01T00:00:00.000Z" }),
    ],
    ["a tampered Message", (b: string) => b.replace("444455556666", "444455556667")],
    [
      "a ResponseURL to the metadata service, validly signed",
      (b: string) =>
        resign({
          ...fieldsOf(b),
          Message: fieldsOf(b).Message!.replace(
            /https:\/\/cloudformation-custom-resource-response-[^"]+/,
            "http://169.254.169.254/latest/",
          ),
        }),
    ],
    [
      "a Message that is not a CloudFormation request, validly signed",
      (b: string) => resign({ ...fieldsOf(b), Message: '{"hello":"world"}' }),
    ],
    ["duplicate Message keys", (b: string) => b.replace('"Message":', '"Message":"{}","Message":')],
    ["an empty body", () => ""],
  ])("refuses %s: 4xx, no row, no outbound call beyond a pinned certificate URL", async (_, forge) => {
    const before = await writes();
    fetched.length = 0;
    const result = await ingestCallback(deps(), forge(valid()));
    expect(result.status).toBe(400);
    expect(await writes()).toEqual(before);
    expect(fetched.every(isTrustedSigningCertUrl)).toBe(true);
  });

  it("refuses thousands of generated mutations: never a 5xx, never an unpinned fetch, nothing but the genuine message stored", async () => {
    const base = valid();
    // SNS does not sign UnsubscribeURL (pinned separately, never used by the console); everything else must match.
    const signedPart = (body: string) => without(body, ["UnsubscribeURL"]);
    const signed = signedPart(base);
    const before = await writes();
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: base.length - 1 }),
        fc.string({ maxLength: 4 }),
        fc.integer({ min: 0, max: 3 }),
        async (at, text, cut) => {
          const mutated = base.slice(0, at) + text + base.slice(at + cut);
          if (mutated === base) return;
          fetched.length = 0;
          const { status } = await ingestCallback(deps(), mutated);
          statuses.add(status);
          expect(fetched.every(isTrustedSigningCertUrl)).toBe(true);
          // Accepted only as a re-spelling of the very message SNS signed (whitespace between JSON tokens…).
          if (status === 200) expect(signedPart(mutated)).toEqual(signed);
        },
      ),
      { numRuns: testDatabaseKind() === "pglite" ? 1500 : 500 },
    );
    expect([...statuses].filter((s) => s !== 400 && s !== 200)).toEqual([]);
    const after = await writes();
    // At most the genuine message, once (its re-spellings share its MessageId); nothing else anywhere.
    expect(after[0]! - before[0]!).toBeLessThanOrEqual(1);
    expect(after.slice(1)).toEqual(before.slice(1));
  });
});
