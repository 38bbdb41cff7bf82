import { describe, expect, it } from "vitest";
import { EXTERNAL_ID_PATTERN, generateExternalId, maskExternalId } from "./external-id";

describe("generateExternalId", () => {
  it("fits AWS's ExternalId charset and length and carries at least 128 bits", () => {
    const id = generateExternalId();
    expect(id).toMatch(EXTERNAL_ID_PATTERN);
    expect(Buffer.from(id.slice("pump-".length), "base64url").length * 8).toBeGreaterThanOrEqual(128);
  });
  it("never repeats", () => {
    const ids = new Set(Array.from({ length: 10_000 }, generateExternalId));
    expect(ids.size).toBe(10_000);
  });
  it("masks all but the prefix", () => {
    expect(maskExternalId("pump-abcdefghij")).toBe("pump-••••••••");
  });
});
