import { describe, expect, it } from "vitest";
import { DomainError, isDomainError } from "./errors";

describe("isDomainError", () => {
  it("recognises a DomainError by its brand, even one from another copy of the module", () => {
    expect(isDomainError(new DomainError("x"))).toBe(true);
    // What a second module instance's DomainError looks like from here: another class, the same global brand.
    const foreign = Object.defineProperty(new Error("x"), Symbol.for("pump.DomainError"), { value: true });
    expect(isDomainError(foreign)).toBe(true);
    expect(isDomainError(new Error("x"))).toBe(false);
    expect(isDomainError(null)).toBe(false);
    expect(isDomainError("DomainError")).toBe(false);
  });
});
