/**
 * CloudFormation's ResponseURL is a pre-signed S3 URL chosen by whoever sends the request, so the console PUTs
 * only to AWS's custom-resource response buckets: https, no userinfo, no port, exact host shape. Anything else
 * would turn the callback into an SSRF primitive.
 */
const RESPONSE_HOST =
  /^cloudformation-custom-resource-response-[a-z0-9]{3,30}\.s3(?:[.-][a-z]{2}(?:-[a-z]+)+-\d)?\.amazonaws\.com(?:\.cn)?$/;

export function isTrustedResponseUrl(raw: string): boolean {
  if (raw.length > 4096 || /[\s\\]/.test(raw)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === "https:" &&
    url.username === "" &&
    url.password === "" &&
    url.port === "" &&
    url.hash === "" &&
    // The URL parser lower-cases and punycodes the host; compare what was written too (no look-alike tricks).
    raw.startsWith(`https://${url.host}/`) &&
    RESPONSE_HOST.test(url.hostname)
  );
}

/** CloudFormation's limit for a custom-resource response body. */
export const MAX_RESPONSE_BYTES = 4096;
