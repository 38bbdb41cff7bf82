import { describe, expect, it } from "vitest";
import { createCertificateFetcher } from "./cert-cache";
import { snsCertUrl } from "./testing/sns-test-kit";

const PEM = "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n";
const url = (n: number) => snsCertUrl("us-east-1", n.toString(16).padStart(32, "0"));

function harness(opts: { ttlMs?: number; maxEntries?: number; respond?: (url: string) => Promise<string> } = {}) {
  const calls: string[] = [];
  let now = 1_000;
  const fetcher = createCertificateFetcher({
    fetchPem: async (u) => {
      calls.push(u);
      return opts.respond ? opts.respond(u) : PEM;
    },
    ttlMs: opts.ttlMs ?? 60_000,
    maxEntries: opts.maxEntries ?? 3,
    nowMs: () => now,
  });
  return { fetcher, calls, advance: (ms: number) => (now += ms) };
}

describe("createCertificateFetcher", () => {
  it("fetches once per URL while the entry is fresh, and again after the TTL", async () => {
    const h = harness({ ttlMs: 1_000 });
    expect(await h.fetcher(url(1))).toBe(PEM);
    expect(await h.fetcher(url(1))).toBe(PEM);
    expect(h.calls).toHaveLength(1);
    h.advance(1_000);
    await h.fetcher(url(1));
    expect(h.calls).toHaveLength(2);
  });

  it("shares one in-flight request between concurrent callers (single flight)", async () => {
    let release: (pem: string) => void = () => {};
    const h = harness({ respond: () => new Promise((resolve) => (release = resolve)) });
    const all = Promise.all([h.fetcher(url(1)), h.fetcher(url(1)), h.fetcher(url(1))]);
    await Promise.resolve();
    release(PEM);
    expect(await all).toEqual([PEM, PEM, PEM]);
    expect(h.calls).toHaveLength(1);
  });

  it("evicts the least recently used entry beyond maxEntries", async () => {
    const h = harness({ maxEntries: 2 });
    await h.fetcher(url(1));
    await h.fetcher(url(2));
    await h.fetcher(url(1)); // 1 is now most recent
    await h.fetcher(url(3)); // evicts 2
    await h.fetcher(url(1));
    expect(h.calls).toEqual([url(1), url(2), url(3)]);
    await h.fetcher(url(2));
    expect(h.calls).toEqual([url(1), url(2), url(3), url(2)]);
  });

  it("does not cache failures: the next call tries again", async () => {
    let fail = true;
    const h = harness({ respond: async () => (fail ? Promise.reject(new Error("503")) : PEM) });
    await expect(h.fetcher(url(1))).rejects.toThrow("503");
    fail = false;
    expect(await h.fetcher(url(1))).toBe(PEM);
    expect(h.calls).toHaveLength(2);
  });

  it.each([
    ["larger than 16 KiB", `${PEM}${"A".repeat(16 * 1024)}`],
    ["an HTML page around a certificate", `<html>${PEM}</html>`],
    ["two certificates", PEM + PEM],
    ["a private key", PEM.replaceAll("CERTIFICATE", "PRIVATE KEY")],
    ["empty", ""],
  ])("refuses a response that is %s, and does not cache it", async (_name, body) => {
    const h = harness({ respond: async () => body });
    await expect(h.fetcher(url(1))).rejects.toThrow();
    await expect(h.fetcher(url(1))).rejects.toThrow();
    expect(h.calls).toHaveLength(2);
  });

  it.each([
    "https://evil.example/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem",
    "https://bucket.s3.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem",
    "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem",
  ])("re-checks the pin itself and never fetches %s", async (u) => {
    const h = harness();
    await expect(h.fetcher(u)).rejects.toThrow("untrusted");
    expect(h.calls).toHaveLength(0);
  });

  it("rejects nonsensical options", () => {
    const fetchPem = async () => PEM;
    expect(() => createCertificateFetcher({ fetchPem, ttlMs: 0, maxEntries: 1 })).toThrow(TypeError);
    expect(() => createCertificateFetcher({ fetchPem, ttlMs: 1, maxEntries: 0 })).toThrow(TypeError);
  });
});
