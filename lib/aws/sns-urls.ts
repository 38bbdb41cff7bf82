// The URLs of SNS and of its topics that the console trusts, pinned here with the AWS calls that use them.

/** An AWS Region name (`us-east-1`, `us-gov-west-1`, `cn-north-1`): lowercase, so never a host-name trick. */
export const SNS_REGION_PATTERN = String.raw`[a-z]{2,4}(?:-[a-z]+){1,3}-\d{1,2}`;
const TOPIC_ARN = new RegExp(
  String.raw`^arn:(aws|aws-cn|aws-us-gov):sns:(${SNS_REGION_PATTERN}):(\d{12}):([A-Za-z0-9_-]{1,256}(?:\.fifo)?)$`,
);

export type TopicArnParts = { partition: "aws" | "aws-cn" | "aws-us-gov"; region: string; accountId: string };

/** Splits an SNS topic ARN; null unless it is well formed and its partition matches its region. */
export function parseTopicArn(arn: string): TopicArnParts | null {
  const m = TOPIC_ARN.exec(arn);
  const [partition, region, accountId] = [m?.[1], m?.[2], m?.[3]];
  if (partition === undefined || region === undefined || accountId === undefined) return null;
  const expected = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  return partition === expected ? { partition: expected, region, accountId } : null;
}

/** Real SNS signing certificates are ~2 KiB of PEM; anything far larger is not one. */
export const MAX_CERTIFICATE_PEM_BYTES = 16 * 1024;

// The signing-certificate URL is chosen by whoever sent the request. Fetching any URL it names lets an attacker sign a
// forgery with their own certificate (AWS asks that the certificate be checked to come from Amazon SNS:
// https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html; the S3 variant: a self-signed .pem in
// any public bucket). So the URL is the trust anchor and is pinned exactly: https, `sns.<region>.amazonaws.com`
// (`.com.cn` for China Regions only), the one path shape SNS uses, and nothing else — no userinfo, port, query,
// fragment, percent-encoding, backslash, trailing dot, uppercase or non-ASCII. The match runs on the raw string, before
// any URL parser normalises it; WHATWG `URL` then re-checks that it sees the same host and path (no parser
// disagreement).

const SNS_ORIGIN = String.raw`https://sns\.(${SNS_REGION_PATTERN})\.amazonaws\.com(\.cn)?`;
const SIGNING_CERT_URL = new RegExp(String.raw`^${SNS_ORIGIN}(/SimpleNotificationService-[A-Za-z0-9]{32}\.pem)$`);
// RFC 3986 query characters minus `#` and `'` (WHATWG re-encodes `'`, which the round-trip check would catch anyway).
const SNS_API_URL = new RegExp(String.raw`^${SNS_ORIGIN}/\?([A-Za-z0-9\-._~!$&()*+,;=:@/?%]{1,3900})$`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[!-~]{1,2048}$/;

type SnsHost = { host: string; region: string };

/** Host and Region of a URL whose scheme, host and path the pattern pinned; null on any disagreement. */
function matchPinnedUrl(url: unknown, pattern: RegExp, expectedPath: (m: RegExpExecArray) => string): SnsHost | null {
  if (typeof url !== "string" || url.length > 4096) return null;
  const m = pattern.exec(url);
  const region = m?.[1];
  if (!m || region === undefined) return null;
  const isChinaHost = m[2] === ".cn";
  // Partition and suffix go together: `sns.cn-north-1.amazonaws.com.cn`, never `sns.us-east-1.amazonaws.com.cn`.
  if (isChinaHost !== region.startsWith("cn-")) return null;
  const host = `sns.${region}.amazonaws.com${isChinaHost ? ".cn" : ""}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const isSame =
    parsed.href === url &&
    parsed.protocol === "https:" &&
    parsed.hostname === host &&
    parsed.port === "" &&
    parsed.username === "" &&
    parsed.password === "" &&
    parsed.hash === "" &&
    parsed.pathname === expectedPath(m);
  return isSame ? { host, region } : null;
}

/**
 * True only for `https://sns.<region>.amazonaws.com[.cn]/SimpleNotificationService-<32 alnum>.pem`. The Region is
 * not tied to the topic's: every real message seen has them equal, but AWS documents no such guarantee, and any
 * `sns.<region>` host is AWS's own either way.
 */
export function isTrustedSigningCertUrl(url: unknown): boolean {
  return matchPinnedUrl(url, SIGNING_CERT_URL, (m) => m[3] ?? "") !== null;
}

/**
 * The query of a pinned SNS API URL (`https://sns.<topic's region>…/?…`) as a map, when every parameter occurs
 * once and decodes cleanly; null otherwise. The Region must be the topic's: SNS answers for a topic only there.
 */
function parseSnsApiQuery(url: unknown, topicArn: string): Map<string, string> | null {
  const topic = parseTopicArn(topicArn);
  if (typeof url !== "string" || !topic) return null;
  const pinned = matchPinnedUrl(url, SNS_API_URL, () => "/");
  if (!pinned || pinned.region !== topic.region) return null;
  const query = url.slice(url.indexOf("?") + 1);
  const params = new Map<string, string>();
  for (const part of query.split("&")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return null;
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(part.slice(0, eq));
      value = decodeURIComponent(part.slice(eq + 1));
    } catch {
      return null;
    }
    if (params.has(key)) return null; // a second TopicArn could point a naive reader elsewhere
    params.set(key, value);
  }
  return params;
}

function hasExactly(params: Map<string, string>, keys: readonly string[]): boolean {
  return params.size === keys.length && keys.every((k) => params.has(k));
}

/**
 * SubscribeURL of a (Un)SubscriptionConfirmation: `https://sns.<region>.amazonaws.com[.cn]/?Action=
 * ConfirmSubscription&TopicArn=<topicArn>&Token=<token>`, host pinned like the cert URL, Region and TopicArn those
 * of `topicArn`. This is the only URL the app may GET to confirm a subscription, so it is SSRF-relevant.
 */
export function isTrustedSubscribeUrl(url: unknown, topicArn: string): boolean {
  const params = parseSnsApiQuery(url, topicArn);
  return (
    params !== null &&
    hasExactly(params, ["Action", "TopicArn", "Token"]) &&
    params.get("Action") === "ConfirmSubscription" &&
    params.get("TopicArn") === topicArn &&
    TOKEN.test(params.get("Token") ?? "")
  );
}

/**
 * UnsubscribeURL of a Notification: `…/?Action=Unsubscribe&SubscriptionArn=<topicArn>:<uuid>`. It is NOT signed
 * by SNS, so it is checked only so that a tampered one is rejected; the app never needs to fetch it.
 */
export function isTrustedUnsubscribeUrl(url: unknown, topicArn: string): boolean {
  const params = parseSnsApiQuery(url, topicArn);
  const subscriptionArn = params?.get("SubscriptionArn") ?? "";
  return (
    params !== null &&
    hasExactly(params, ["Action", "SubscriptionArn"]) &&
    params.get("Action") === "Unsubscribe" &&
    subscriptionArn.startsWith(`${topicArn}:`) &&
    UUID.test(subscriptionArn.slice(topicArn.length + 1))
  );
}
