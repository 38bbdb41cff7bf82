import { describe, expect, it } from "vitest";
import { isTrustedOrigin } from "./origin";

const app = "https://console.pump.test";
const h = (init: Record<string, string>) => new Headers(init);

describe("isTrustedOrigin", () => {
  it("accepts the console's own origin", () => {
    expect(isTrustedOrigin(h({ origin: app }), app)).toBe(true);
    expect(isTrustedOrigin(h({ origin: app, "sec-fetch-site": "same-origin" }), app)).toBe(true);
  });
  it.each([
    ["a foreign origin", { origin: "https://evil.example" }],
    ["Origin: null", { origin: "null" }],
    ["no Origin", {}],
    ["a look-alike origin", { origin: "https://console.pump.test.evil.example" }],
    ["another scheme", { origin: "http://console.pump.test" }],
    ["another port", { origin: "https://console.pump.test:8443" }],
    ["cross-site fetch metadata", { origin: app, "sec-fetch-site": "cross-site" }],
    ["same-site (sibling subdomain) fetch metadata", { origin: app, "sec-fetch-site": "same-site" }],
  ])("refuses %s", (_, headers) => {
    expect(isTrustedOrigin(h(headers), app)).toBe(false);
  });
});
