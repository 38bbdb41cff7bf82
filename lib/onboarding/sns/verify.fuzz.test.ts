import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { isTrustedSigningCertUrl, isTrustedSubscribeUrl } from "@/lib/aws/sns-urls";
import {
  CERT_URL,
  createSnsTestKit,
  MESSAGE_ID,
  SECOND_TOPIC_ARN,
  SENT_AT,
  type SnsTestKit,
  subscribeUrl,
  TOKEN,
  TOPIC_ARN,
  unsubscribeUrl,
} from "./testing/sns-test-kit";
import { verifySnsMessage } from "./verify";

// Property-based forgeries, part 2: envelopes built from scratch (random JSON, and SNS-shaped records whose values
// are drawn from plausible-or-hostile pools), plus a differential fuzz of the certificate-URL pin against an
// independent oracle built on WHATWG URL.

let kit: SnsTestKit;
beforeAll(async () => {
  kit = await createSnsTestKit();
});

const ID = "0123456789abcdef0123456789abcdef";
const host = fc.oneof(
  fc.constantFrom(
    "sns.us-east-1.amazonaws.com",
    "sns.eu-west-1.amazonaws.com",
    "sns.cn-north-1.amazonaws.com.cn",
    "sns.us-east-1.amazonaws.com.",
    "sns.cn-north-1.amazonaws.com",
    "sns.us-east-1.amazonaws.com.cn",
    "SNS.us-east-1.amazonaws.com",
    "sns\u3002us-east-1.amazonaws.com",
    "evil.example",
    "s3.amazonaws.com",
    "sns.us-east-1.amazonaws.com.evil.example",
    "sns.amazonaws.com",
    "127.0.0.1",
    "[::1]",
    "sns%2eus-east-1.amazonaws.com",
  ),
  fc.stringMatching(/^sns\.[a-z0-9.-]{1,20}\.amazonaws\.com(\.cn)?$/),
  fc.domain(),
);
const path = fc.oneof(
  fc.constant(`/SimpleNotificationService-${ID}.pem`),
  fc.stringMatching(/^\/SimpleNotificationService-[A-Za-z0-9_%.-]{28,36}\.pem$/),
  fc.constantFrom(
    "/",
    "/x/../SimpleNotificationService-x.pem",
    `//SimpleNotificationService-${ID}.pem`,
    `/SimpleNotificationService-${ID}.pem/`,
  ),
  fc.webPath(),
);
/** URL-ish strings assembled from pieces that are each sometimes right and sometimes subtly wrong. */
const urlish = fc.oneof(
  fc
    .record({
      scheme: fc.constantFrom("https://", "https://", "http://", "HTTPS://", "https:/", "//", ""),
      userinfo: fc.constantFrom("", "", "", "user@", "sns.us-east-1.amazonaws.com@", "a:b@"),
      host,
      port: fc.constantFrom("", "", "", ":443", ":8443", ":"),
      path,
      tail: fc.constantFrom("", "", "", "?", "?x=1", "#", "#f", " ", "\n", "\\", "%00"),
    })
    .map((u) => `${u.scheme}${u.userinfo}${u.host}${u.port}${u.path}${u.tail}`),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string(),
);

/** Independent oracle: what a correct pin must imply, checked with the WHATWG parser. */
function oracleSaysPinned(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.href === url &&
    u.protocol === "https:" &&
    /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(u.hostname) &&
    u.port === "" &&
    u.username === "" &&
    u.password === "" &&
    u.search === "" &&
    u.hash === "" &&
    /^\/SimpleNotificationService-[A-Za-z0-9]{32}\.pem$/.test(u.pathname)
  );
}

describe("certificate-URL pin, differential fuzz (3,000 URLs)", () => {
  it("never trusts a URL the WHATWG-based oracle would not; trusts every well-formed SNS URL", () => {
    fc.assert(
      fc.property(urlish, (url) => {
        if (isTrustedSigningCertUrl(url)) expect(oracleSaysPinned(url)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
    const region = fc.constantFrom("us-east-1", "eu-central-2", "ap-southeast-5", "us-gov-west-1", "il-central-1");
    fc.assert(
      fc.property(region, fc.stringMatching(/^[A-Za-z0-9]{32}$/), (r, id) => {
        expect(isTrustedSigningCertUrl(`https://sns.${r}.amazonaws.com/SimpleNotificationService-${id}.pem`)).toBe(
          true,
        );
      }),
      { numRuns: 1_000 },
    );
  });
});

// Mostly plausible values, each field hostile about one time in 30: with a dozen fields, that still leaves a good
// share of records that reach the certificate and RSA steps, where a random signature must fail.
const pick = <T>(good: T[], hostile: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 30 }, { arbitrary: hostile, weight: 1 });
const FIELDS: Record<string, fc.Arbitrary<unknown>> = {
  MessageId: pick([MESSAGE_ID], fc.oneof(fc.uuid(), fc.jsonValue())),
  TopicArn: pick([TOPIC_ARN, SECOND_TOPIC_ARN], fc.oneof(fc.string(), fc.jsonValue())),
  Subject: pick(["AWS CloudFormation custom resource request"], fc.oneof(fc.string(), fc.jsonValue())),
  Message: pick(["{}"], fc.oneof(fc.string(), fc.jsonValue())),
  Timestamp: pick(
    [SENT_AT],
    fc.oneof(
      fc.date().map((d) => (Number.isNaN(d.getTime()) ? "" : d.toISOString())),
      fc.string(),
    ),
  ),
  SignatureVersion: pick(["1", "2"], fc.jsonValue()),
  // Never SNS's signature: random bytes, usually of RSA-2048 length.
  Signature: fc
    .oneof(fc.uint8Array({ minLength: 256, maxLength: 256 }), fc.uint8Array({ maxLength: 600 }))
    .map((b) => Buffer.from(b).toString("base64")),
  SigningCertURL: pick([CERT_URL], urlish),
  UnsubscribeURL: pick([unsubscribeUrl()], urlish),
  Token: pick([TOKEN], fc.string()),
  SubscribeURL: pick([subscribeUrl()], urlish),
  MessageAttributes: fc.jsonValue(),
};
const COMMON = ["MessageId", "TopicArn", "Message", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL"];
const KEYS_BY_TYPE: Record<string, string[]> = {
  Notification: [...COMMON, "Subject", "UnsubscribeURL", "MessageAttributes"],
  SubscriptionConfirmation: [...COMMON, "Token", "SubscribeURL"],
  UnsubscribeConfirmation: [...COMMON, "Token", "SubscribeURL"],
};
const envelope = fc.constantFrom(...Object.keys(KEYS_BY_TYPE)).chain((shape) => {
  const keys = KEYS_BY_TYPE[shape]!;
  const record = fc.record(Object.fromEntries(keys.map((key) => [key, FIELDS[key]!])), {
    requiredKeys: keys.filter((k) => k !== "Subject" && k !== "MessageAttributes"),
  });
  const rarely = <T>(arb: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: fc.constant(null), weight: 20 }, { arbitrary: arb, weight: 1 });
  const drop = rarely(fc.constantFrom(...keys));
  const stray = rarely(fc.tuple(fc.constantFrom(...Object.keys(FIELDS)), fc.jsonValue()));
  return fc.tuple(pick([shape], fc.string()), record, drop, stray).map(([type, r, dropped, extra]) => {
    const message: Record<string, unknown> = { Type: type, ...r, ...(extra ? { [extra[0]]: extra[1] } : {}) };
    if (dropped) delete message[dropped];
    return message;
  });
});

describe("envelopes built from scratch", () => {
  async function expectRejected(body: string) {
    kit.fetches.length = 0;
    const result = await verifySnsMessage(body, kit.options({ minSignatureVersion: 1 }));
    expect(result.ok).toBe(false);
    expect(kit.fetches.every(isTrustedSigningCertUrl)).toBe(true);
    return kit.fetches.length;
  }

  it("2,000 SNS-shaped records with random signatures: none accepted, only pinned fetches", async () => {
    let fetched = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(envelope, async (record) => {
        runs += 1;
        fetched += await expectRejected(JSON.stringify(record));
      }),
      { numRuns: 2_000 },
    );
    // A real share must get as far as the certificate and the RSA check, or the property proves little.
    expect(fetched).toBeGreaterThan(runs / 10);
  });

  it("2,000 arbitrary bodies (random text and random JSON): none accepted, none throws", async () => {
    const body = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.json(),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        await expectRejected(text);
      }),
      { numRuns: 2_000 },
    );
  });

  it("SubscribeURL pin never trusts a URL on another host (2,000 URLs)", () => {
    fc.assert(
      fc.property(urlish, (url) => {
        if (isTrustedSubscribeUrl(url, TOPIC_ARN)) expect(new URL(url).host).toBe("sns.us-east-1.amazonaws.com");
      }),
      { numRuns: 2_000 },
    );
  });
});
