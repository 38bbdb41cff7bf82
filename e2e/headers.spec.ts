import { expect, storageState, test } from "./fixtures";

test.use({ storageState: storageState("admin") });

test("[security] every response carries the security headers; signed-in pages are never stored", async ({
  request,
}) => {
  for (const path of ["/sign-in", "/tenants", "/staff", "/audit", "/api/health", "/does-not-exist"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const h = response.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("base-uri 'none'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(h["strict-transport-security"], path).toMatch(/max-age=\d+/);
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["cache-control"], path).toContain("no-store");
  }
});
