import { isTrustedSigningCertUrl, MAX_CERTIFICATE_PEM_BYTES } from "@/lib/aws/sns-urls";
import { isCertificatePem } from "./certificate";

// SNS signs with a handful of long-lived certificates, one URL each, so nearly every callback would fetch the same
// file. The cache keeps that to one request per URL per TTL, and bounds what an attacker can make us hold: entries
// are capped (LRU eviction), concurrent callers share one in-flight request (single flight), failures are not
// cached (a transient error must not pin a rejection), and a PEM is stored only if it looks like one and is at
// most MAX_CERTIFICATE_PEM_BYTES (16 KiB; real ones are ~2 KiB).

export type CertificateFetcherOptions = {
  /**
   * Performs the HTTPS GET. It must refuse redirects (`redirect: "error"`), time out, and stop reading past
   * MAX_CERTIFICATE_PEM_BYTES: a redirect would take the request off the pinned host, the whole basis of trust.
   */
  fetchPem: (url: string) => Promise<string>;
  ttlMs: number;
  maxEntries: number;
  /** Injectable clock for tests; defaults to Date.now. */
  nowMs?: () => number;
};

export type CertificateFetcher = (url: string) => Promise<string>;

export function createCertificateFetcher(options: CertificateFetcherOptions): CertificateFetcher {
  const { fetchPem, ttlMs, maxEntries } = options;
  const nowMs = options.nowMs ?? Date.now;
  if (!(ttlMs > 0) || !Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError("createCertificateFetcher: ttlMs and maxEntries must be positive");
  }
  // A Map iterates in insertion order, so re-inserting on every hit makes its first key the least recently used.
  const cache = new Map<string, { pem: string; expiresAt: number }>();
  const inFlight = new Map<string, Promise<string>>();

  async function load(url: string): Promise<string> {
    const pem = await fetchPem(url);
    if (typeof pem !== "string" || Buffer.byteLength(pem, "utf8") > MAX_CERTIFICATE_PEM_BYTES) {
      throw new Error("signing certificate response too large or not text");
    }
    if (!isCertificatePem(pem)) throw new Error("signing certificate response is not a single PEM certificate");
    cache.delete(url);
    cache.set(url, { pem, expiresAt: nowMs() + ttlMs });
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next();
      if (oldest.done) break;
      cache.delete(oldest.value);
    }
    return pem;
  }

  return async (url: string): Promise<string> => {
    // Defence in depth: verify.ts pins the URL first, but this fetcher may be reused elsewhere.
    if (!isTrustedSigningCertUrl(url)) throw new Error("refusing to fetch an untrusted signing certificate URL");
    const hit = cache.get(url);
    if (hit && hit.expiresAt > nowMs()) {
      cache.delete(url);
      cache.set(url, hit);
      return hit.pem;
    }
    if (hit) cache.delete(url);
    const pending = inFlight.get(url);
    if (pending) return pending;
    const request = load(url).finally(() => inFlight.delete(url));
    inFlight.set(url, request);
    return request;
  };
}
