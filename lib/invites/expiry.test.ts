import { describe, expect, it } from "vitest";
import { describeExpiry } from "./expiry";

const now = Date.parse("2026-03-01T12:00:00Z");
const plus = (ms: number) => new Date(now + ms).toISOString();
const H = 3600_000;

describe("invite expiry countdown", () => {
  it("counts days and hours, and warns under three days", () => {
    expect(describeExpiry(plus(13 * 24 * H + 4 * H + 59 * 60_000), now)).toEqual({
      kind: "left",
      text: "13 d 4 h left",
      isSoon: false,
    });
    expect(describeExpiry(plus(3 * 24 * H), now)).toEqual({ kind: "left", text: "3 d 0 h left", isSoon: false });
    expect(describeExpiry(plus(3 * 24 * H - 1), now)).toMatchObject({ text: "2 d 23 h left", isSoon: true });
  });

  it("switches to hours and minutes on the last day", () => {
    expect(describeExpiry(plus(5 * H + 12 * 60_000), now)).toEqual({
      kind: "left",
      text: "5 h 12 min left",
      isSoon: true,
    });
    expect(describeExpiry(plus(7 * 60_000), now)).toMatchObject({ text: "7 min left" });
    expect(describeExpiry(plus(30_000), now)).toMatchObject({ text: "less than a minute left" });
  });

  it("says expired from the expiry instant on", () => {
    expect(describeExpiry(plus(0), now)).toEqual({ kind: "expired" });
    expect(describeExpiry(new Date(now - 24 * H), now)).toEqual({ kind: "expired" });
  });
});
