import { describe, expect, it } from "vitest";
import { isTrustedResponseUrl } from "./cfn-response-url";

const good =
  "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/arn%3Aaws%3Acloudformation%3Aus-east-1%3A123456789012%3Astack/x/1%7CRole%7Cabc?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc";

describe("isTrustedResponseUrl", () => {
  it.each([
    good,
    "https://cloudformation-custom-resource-response-uswest2.s3-us-west-2.amazonaws.com/x?sig=1",
    "https://cloudformation-custom-resource-response-euwest1.s3.eu-west-1.amazonaws.com/x",
    "https://cloudformation-custom-resource-response-cnnorth1.s3.cn-north-1.amazonaws.com.cn/x",
  ])("accepts AWS's response bucket %s", (url) => {
    expect(isTrustedResponseUrl(url)).toBe(true);
  });

  // The SSRF corpus: every URL an attacker might put in ResponseURL to make the console connect elsewhere.
  it.each([
    ["plain http", good.replace("https:", "http:")],
    ["another bucket", "https://attacker-bucket.s3.amazonaws.com/x"],
    ["path-style S3", "https://s3.amazonaws.com/cloudformation-custom-resource-response-useast1/x"],
    ["suffix look-alike", "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com.evil.com/x"],
    ["prefix look-alike", "https://evil-cloudformation-custom-resource-response-useast1.s3.amazonaws.com/x"],
    ["userinfo", "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com@evil.com/x"],
    ["userinfo before the host", "https://user:pw@cloudformation-custom-resource-response-useast1.s3.amazonaws.com/x"],
    ["port", "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com:8443/x"],
    ["localhost", "https://localhost/x"],
    ["metadata service", "http://169.254.169.254/latest/meta-data/"],
    ["IP literal", "https://52.216.0.1/x"],
    ["IPv6 literal", "https://[::1]/x"],
    ["internal name", "https://postgres:5432/"],
    ["file scheme", "file:///etc/passwd"],
    ["gopher", "gopher://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/x"],
    ["javascript", "javascript:alert(1)"],
    ["data", "data:text/plain,x"],
    ["fragment", `${good}#frag`],
    ["uppercase host", good.replace("cloudformation-custom", "CloudFormation-Custom")],
    ["trailing dot", "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com./x"],
    ["backslash", "https:\\\\cloudformation-custom-resource-response-useast1.s3.amazonaws.com\\x"],
    ["whitespace", ` ${good}`],
    ["newline", `${good}\nHost: evil.com`],
    ["tab in host", "https://cloudformation-custom-resource-response-useast1.s3.amazonaws\t.com/x"],
    ["encoded host", "https://cloudformation-custom-resource-response-useast1%2es3.amazonaws.com/x"],
    ["unicode dot", "https://cloudformation-custom-resource-response-useast1\u3002s3.amazonaws.com/x"],
    ["punycode look-alike", "https://xn--cloudformation-custom-resource-response-useast1-.s3.amazonaws.com/x"],
    ["no path", "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com"],
    ["empty", ""],
    ["not a URL", "cloudformation-custom-resource-response-useast1.s3.amazonaws.com/x"],
    ["protocol-relative", "//cloudformation-custom-resource-response-useast1.s3.amazonaws.com/x"],
    ["too long", `${good}&${"a".repeat(5000)}`],
    ["other AWS service", "https://sqs.us-east-1.amazonaws.com/123456789012/q"],
    ["amazonaws.com.evil", "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com.cn.evil.com/x"],
  ])("refuses %s", (_, url) => {
    expect(isTrustedResponseUrl(url)).toBe(false);
  });
});
