import {
  type Attack,
  confirmationFields,
  notificationFields,
  SECOND_TOPIC_ARN,
  type SnsTestKit,
  subscribeUrl,
  TOPIC_ARN,
  unsubscribeUrl,
} from "./sns-test-kit";

// Attack corpus, part 1: URLs and topics. Every row is validly signed by the real signer key wherever the field is
// signed, so the ONLY thing standing between the row and acceptance is the check under test.

const ID = "0123456789abcdef0123456789abcdef";
const H = "sns.us-east-1.amazonaws.com";
const P = `/SimpleNotificationService-${ID}.pem`;

const certUrl = ([name, url, reason = "cert_url"]: CertUrlRow): Attack => ({
  name: `cert URL: ${name}`,
  body: (k) => k.sign(notificationFields(), 2, url),
  reason,
});

// The schema bounds URL fields (1-2,048 characters) before the pin looks at them: those rows are "malformed".
type CertUrlRow = [name: string, url: string, reason?: Attack["reason"]];
const CERT_URLS: CertUrlRow[] = [
  ["S3 path-style bucket", `https://s3.amazonaws.com/evil-bucket${P}`],
  ["S3 virtual-hosted bucket", `https://evil-bucket.s3.amazonaws.com${P}`],
  ["S3 regional bucket", `https://evil-bucket.s3.us-east-1.amazonaws.com${P}`],
  ["S3 dual-stack bucket", `https://evil.s3.dualstack.us-east-1.amazonaws.com${P}`],
  ["S3 bucket named like the SNS host", `https://${H}.s3.amazonaws.com${P}`],
  ["S3 path-style bucket named like the SNS host", `https://s3.amazonaws.com/${H}${P}`],
  ["S3 website endpoint", `http://evil.s3-website-us-east-1.amazonaws.com${P}`],
  ["CloudFront distribution", `https://d111111abcdef8.cloudfront.net${P}`],
  ["API Gateway endpoint", `https://abc123.execute-api.us-east-1.amazonaws.com${P}`],
  ["Lambda function URL", `https://abc.lambda-url.us-east-1.on.aws${P}`],
  ["another AWS service host (SQS)", `https://sqs.us-east-1.amazonaws.com${P}`],
  ["sns host without a Region", `https://sns.amazonaws.com${P}`],
  ["bare amazonaws.com", `https://amazonaws.com${P}`],
  ["arbitrary host", `https://evil.example${P}`],
  ["look-alike suffix", `https://${H}.evil.example${P}`],
  ["look-alike .cn suffix", `https://${H}.cn.evil.example${P}`],
  ["typo-squat amazonaws.co", `https://sns.us-east-1.amazonaws.co${P}`],
  ["typo-squat amazon-aws.com", `https://sns.us-east-1.amazon-aws.com${P}`],
  ["hyphen for the first dot", `https://sns-us-east-1.amazonaws.com${P}`],
  ["letter for the first dot (unescaped regex dot)", `https://snsXus-east-1.amazonaws.com${P}`],
  ["letter for the dot before amazonaws", `https://sns.us-east-1Xamazonaws.com${P}`],
  ["letter for the dot before com", `https://sns.us-east-1.amazonawsXcom${P}`],
  ["extra label after the Region", `https://sns.us-east-1.evil.amazonaws.com${P}`],
  ["extra label before sns", `https://evil.${H}${P}`],
  ["Region that is not a Region", `https://sns.evil.amazonaws.com${P}`],
  ["uppercase Region", `https://sns.US-EAST-1.amazonaws.com${P}`],
  ["uppercase host", `https://SNS.US-EAST-1.AMAZONAWS.COM${P}`],
  ["SNS host inside the path", `https://evil.example/${H}${P}`],
  ["SNS host inside the query", `https://evil.example/?u=https://${H}${P}`],
  ["SNS host inside the fragment", `https://evil.example#https://${H}${P}`],
  ["SNS host as userinfo", `https://${H}@evil.example${P}`],
  ["SNS host and port as userinfo", `https://${H}:443@evil.example${P}`],
  ["userinfo on the real host", `https://user:pass@${H}${P}`],
  ["explicit port 443", `https://${H}:443${P}`],
  ["port 8443", `https://${H}:8443${P}`],
  ["empty port", `https://${H}:${P}`],
  ["plain http", `http://${H}${P}`],
  ["uppercase scheme", `HTTPS://${H}${P}`],
  ["one slash after the scheme", `https:/${H}${P}`],
  ["no slashes after the scheme", `https:${H}${P}`],
  ["protocol-relative", `//${H}${P}`],
  ["no scheme", `${H}${P}`],
  ["ftp scheme", `ftp://${H}${P}`],
  ["file scheme", `file:///etc/SimpleNotificationService-${ID}.pem`],
  ["data URL", "data:text/plain,-----BEGIN%20CERTIFICATE-----"],
  ["javascript URL", `javascript:alert(1)//${H}${P}`],
  ["query string", `https://${H}${P}?x=1`],
  ["empty query", `https://${H}${P}?`],
  ["fragment", `https://${H}${P}#frag`],
  ["empty fragment", `https://${H}${P}#`],
  ["dot-dot segment", `https://${H}/x/..${P}`],
  ["dot segment", `https://${H}/.${P}`],
  ["double slash in the path", `https://${H}/${P}`],
  ["percent-encoded dot in the host", `https://sns%2eus-east-1.amazonaws.com${P}`],
  ["percent-encoded host letter", `https://%73ns.us-east-1.amazonaws.com${P}`],
  ["percent-encoded path character", `https://${H}/SimpleNotificationService-%30123456789abcdef0123456789abcdef.pem`],
  ["percent-encoded dot-dot", `https://${H}/x/%2e%2e${P}`],
  ["percent-encoded slash", `https://${H}%2F${P.slice(1)}`],
  ["backslash before @", `https://${H}\\@evil.example${P}`],
  ["backslash as path separator", `https://${H}\\SimpleNotificationService-${ID}.pem`],
  ["backslashes after the scheme", `https:\\\\${H}${P}`],
  ["ideographic full stop U+3002", `https://sns\u3002us-east-1.amazonaws.com${P}`],
  ["fullwidth full stop U+FF0E", `https://sns\uff0eus-east-1.amazonaws.com${P}`],
  ["halfwidth ideographic full stop U+FF61", `https://sns.us-east-1\uff61amazonaws.com${P}`],
  ["fullwidth letters", `https://\uff53\uff4e\uff53.us-east-1.amazonaws.com${P}`],
  ["Cyrillic a in amazonaws", `https://sns.us-east-1.\u0430mazonaws.com${P}`],
  ["punycode label", `https://xn--sns-9la.us-east-1.amazonaws.com${P}`],
  ["zero-width space in the host", `https://${H}\u200b${P}`],
  ["soft hyphen in the host (IDNA drops it)", `https://sns.us-east-1.amazon\u00adaws.com${P}`],
  ["newline in the host (URL parsers drop it)", `https://sns.us-east-1.amazon\naws.com${P}`],
  ["tab in the host (URL parsers drop it)", `https://sns.us-east-1.amazon\taws.com${P}`],
  ["trailing dot on the host", `https://${H}.${P}`],
  ["IPv4 literal", `https://52.94.236.248${P}`],
  ["IPv4 as one decimal number", `https://886501624${P}`],
  ["IPv4 in hex", `https://0x34.0x5e.0xec.0xf8${P}`],
  ["IPv6 literal", `https://[::ffff:345e:ecf8]${P}`],
  ["localhost", `https://localhost${P}`],
  ["instance metadata endpoint", "http://169.254.169.254/latest/meta-data/iam/security-credentials/"],
  [".com.cn on a commercial Region", `https://sns.us-east-1.amazonaws.com.cn${P}`],
  ["China Region without .cn", `https://sns.cn-north-1.amazonaws.com${P}`],
  ["China Region on amazonaws.cn", `https://sns.cn-north-1.amazonaws.cn${P}`],
  ["doubled .cn", `https://sns.cn-north-1.amazonaws.com.cn.cn${P}`],
  [".com.cn followed by another domain", `https://sns.cn-north-1.amazonaws.com.cn.evil.example${P}`],
  ["GovCloud Region with .cn", `https://sns.us-gov-west-1.amazonaws.com.cn${P}`],
  ["another file name", `https://${H}/evil.pem`],
  ["lowercase file name", `https://${H}/simplenotificationservice-${ID}.pem`],
  ["file name without an id", `https://${H}/SimpleNotificationService.pem`],
  ["31-character id", `https://${H}/SimpleNotificationService-${ID.slice(1)}.pem`],
  ["33-character id", `https://${H}/SimpleNotificationService-${ID}0.pem`],
  ["underscore in the id", `https://${H}/SimpleNotificationService-${ID.slice(1)}_.pem`],
  ["hyphen in the id", `https://${H}/SimpleNotificationService-${ID.slice(1)}-.pem`],
  [".crt extension", `https://${H}/SimpleNotificationService-${ID}.crt`],
  ["uppercase .PEM", `https://${H}/SimpleNotificationService-${ID}.PEM`],
  ["double extension", `https://${H}/SimpleNotificationService-${ID}.pem.exe`],
  ["trailing slash", `https://${H}${P}/`],
  ["subdirectory", `https://${H}/certs${P}`],
  ["leading space", ` https://${H}${P}`],
  ["trailing space", `https://${H}${P} `],
  ["trailing newline", `https://${H}${P}\n`],
  ["NUL byte", `https://${H}${P}\u0000`],
  ["empty string", "", "malformed"],
  ["5,000-character path", `https://${H}/${"a".repeat(5000)}${P}`, "malformed"],
];

type ConfirmationType = "SubscriptionConfirmation" | "UnsubscribeConfirmation";
const withSubscribeUrl = (name: string, url: string, type: ConfirmationType = "SubscriptionConfirmation"): Attack => ({
  name: `${type} SubscribeURL: ${name}`,
  body: (k) => k.sign(confirmationFields(type, { SubscribeURL: url })),
  reason: "malformed",
});

const SUB = subscribeUrl();
const SUBSCRIBE_URLS: Attack[] = [
  withSubscribeUrl("arbitrary host", SUB.replace(H, "evil.example")),
  withSubscribeUrl("S3 bucket", SUB.replace(H, "evil.s3.amazonaws.com")),
  withSubscribeUrl("userinfo host", SUB.replace(H, `${H}@evil.example`)),
  withSubscribeUrl("explicit port", SUB.replace(H, `${H}:443`)),
  withSubscribeUrl("plain http", SUB.replace("https:", "http:")),
  withSubscribeUrl("another Region's endpoint", SUB.replace(H, "sns.us-west-2.amazonaws.com")),
  withSubscribeUrl("trailing dot on the host", SUB.replace(H, `${H}.`)),
  withSubscribeUrl("unicode dot in the host", SUB.replace(H, "sns\u3002us-east-1.amazonaws.com")),
  withSubscribeUrl("percent-encoded host", SUB.replace(H, "sns%2eus-east-1.amazonaws.com")),
  withSubscribeUrl("backslash trick", SUB.replace(H, `${H}\\@evil.example`)),
  withSubscribeUrl("a path", SUB.replace("/?", "/evil?")),
  withSubscribeUrl("a fragment", `${SUB}#x`),
  withSubscribeUrl("another topic in TopicArn", subscribeUrl("arn:aws:sns:us-east-1:123456789012:other")),
  withSubscribeUrl("no TopicArn", SUB.replace(`TopicArn=${TOPIC_ARN}&`, "")),
  withSubscribeUrl("a second, foreign TopicArn", `${SUB}&TopicArn=arn:aws:sns:us-east-1:999999999999:evil`),
  withSubscribeUrl("an extra parameter", `${SUB}&Endpoint=https://evil.example`),
  withSubscribeUrl("the Unsubscribe action", SUB.replace("ConfirmSubscription", "Unsubscribe")),
  withSubscribeUrl("a whitespace-padded value", SUB.replace("Token=", "Token= ")),
  withSubscribeUrl("javascript scheme", `javascript:fetch('${SUB}')`),
  withSubscribeUrl("empty", ""),
  withSubscribeUrl(
    "arbitrary host on an UnsubscribeConfirmation",
    SUB.replace(H, "evil.example"),
    "UnsubscribeConfirmation",
  ),
];

const withUnsubscribeUrl = (name: string, url: string): Attack => ({
  name: `Notification UnsubscribeURL (unsigned): ${name}`,
  body: (k) => k.sign(notificationFields({ UnsubscribeURL: url })),
  reason: "malformed",
});

const UNSUB = unsubscribeUrl();
const UNSUBSCRIBE_URLS: Attack[] = [
  withUnsubscribeUrl("arbitrary host", UNSUB.replace(H, "evil.example")),
  withUnsubscribeUrl("another topic's subscription", unsubscribeUrl("arn:aws:sns:us-east-1:123456789012:other")),
  withUnsubscribeUrl("subscription id not a UUID", unsubscribeUrl(TOPIC_ARN, "../../x")),
  withUnsubscribeUrl("an extra parameter", `${UNSUB}&Next=https://evil.example`),
  withUnsubscribeUrl("plain http", UNSUB.replace("https:", "http:")),
  withUnsubscribeUrl("a port", UNSUB.replace(H, `${H}:8443`)),
  withUnsubscribeUrl("a fragment", `${UNSUB}#x`),
  withUnsubscribeUrl("ConfirmSubscription action", UNSUB.replace("Unsubscribe&", "ConfirmSubscription&")),
];

const signedForTopic = (name: string, topic: unknown, reason: Attack["reason"]): Attack => ({
  name: `TopicArn: ${name}`,
  body: (k) => k.sign(notificationFields({ TopicArn: topic as string })),
  reason,
});

const TOPICS: Attack[] = [
  signedForTopic(
    "topic name in another case",
    TOPIC_ARN.replace("pump-onboarding", "Pump-Onboarding"),
    "untrusted_topic",
  ),
  signedForTopic("another account", TOPIC_ARN.replace("123456789012", "999999999999"), "untrusted_topic"),
  signedForTopic("another Region", TOPIC_ARN.replace("us-east-1", "us-east-2"), "untrusted_topic"),
  signedForTopic(
    "GovCloud partition",
    "arn:aws-us-gov:sns:us-gov-west-1:123456789012:pump-onboarding",
    "untrusted_topic",
  ),
  signedForTopic("China partition", "arn:aws-cn:sns:cn-north-1:123456789012:pump-onboarding", "untrusted_topic"),
  signedForTopic("allowed name plus a suffix", `${TOPIC_ARN}-evil`, "untrusted_topic"),
  signedForTopic("prefix of the allowed name", TOPIC_ARN.slice(0, -3), "untrusted_topic"),
  signedForTopic("FIFO variant", `${TOPIC_ARN}.fifo`, "untrusted_topic"),
  signedForTopic("uppercase ARN prefix", TOPIC_ARN.replace("arn:aws:sns", "ARN:AWS:SNS"), "malformed"),
  signedForTopic("leading space", ` ${TOPIC_ARN}`, "malformed"),
  signedForTopic("trailing space", `${TOPIC_ARN} `, "malformed"),
  signedForTopic("trailing newline", `${TOPIC_ARN}\n`, "malformed"),
  signedForTopic("zero-width space inside", TOPIC_ARN.replace("pump", "pu\u200bmp"), "malformed"),
  signedForTopic("wildcard", "arn:aws:sns:us-east-1:123456789012:*", "malformed"),
  signedForTopic("a subscription ARN", `${TOPIC_ARN}:c9135db0-26c4-47ec-8998-413945fb5a96`, "malformed"),
  signedForTopic("an SQS queue ARN", TOPIC_ARN.replace(":sns:", ":sqs:"), "malformed"),
  signedForTopic(
    "China Region in the commercial partition",
    "arn:aws:sns:cn-north-1:123456789012:pump-onboarding",
    "malformed",
  ),
  signedForTopic("empty", "", "malformed"),
  signedForTopic("null", null, "malformed"),
  signedForTopic("an array holding the allowed ARN", [TOPIC_ARN], "malformed"),
  {
    name: "TopicArn: the second allowed topic, but the allowlist for this endpoint holds only the first",
    body: (k: SnsTestKit) =>
      k.sign(notificationFields({ TopicArn: SECOND_TOPIC_ARN, UnsubscribeURL: unsubscribeUrl(SECOND_TOPIC_ARN) })),
    reason: "untrusted_topic",
    options: { allowedTopicArns: [TOPIC_ARN] },
  },
];

export const URL_AND_TOPIC_ATTACKS: readonly Attack[] = [
  ...CERT_URLS.map(certUrl),
  ...SUBSCRIBE_URLS,
  ...UNSUBSCRIBE_URLS,
  ...TOPICS,
];
