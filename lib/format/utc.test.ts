import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatUtc, formatUtcDate, formatUtcFileStamp, formatUtcIso, formatUtcMinute, formatUtcSecond } from "./utc";

const AT = "2026-03-01T12:34:56.789Z";

describe("UTC formats", () => {
  it("formats UTC to the minute, with the zone, or says never", () => {
    expect(formatUtc("2026-03-01T12:34:56.789Z")).toBe("2026-03-01 12:34 UTC");
    expect(formatUtc(new Date(AT))).toBe("2026-03-01 12:34 UTC");
    expect(formatUtc(Date.parse(AT))).toBe("2026-03-01 12:34 UTC");
    expect(formatUtc(null)).toBe("never");
    expect(formatUtc(undefined)).toBe("never");
    expect(formatUtc(null, "not yet")).toBe("not yet");
  });

  it("has one named format per use", () => {
    expect(formatUtcMinute(AT)).toBe("2026-03-01 12:34");
    expect(formatUtcSecond(AT)).toBe("2026-03-01 12:34:56");
    expect(formatUtcDate(AT)).toBe("2026-03-01");
    expect(formatUtcFileStamp(AT)).toBe("2026-03-01-12-34-56");
    expect(formatUtcIso(new Date(AT))).toBe(AT);
  });

  it("writes what the ISO text says, for any instant (the hand-made formatters sliced it)", () => {
    // fast-check 4 also generates Invalid Date unless told not to; the formatters are never given one.
    const instants = fc.date({
      min: new Date("1970-01-01T00:00:00Z"),
      max: new Date("9999-12-31T23:59:59Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, (d) => {
        const iso = d.toISOString();
        expect(formatUtcIso(d)).toBe(iso);
        expect(formatUtc(iso)).toBe(`${iso.replace("T", " ").slice(0, 16)} UTC`);
        expect(formatUtcMinute(d)).toBe(iso.replace("T", " ").slice(0, 16));
        expect(formatUtcSecond(iso)).toBe(iso.replace("T", " ").slice(0, 19));
        expect(formatUtcDate(d)).toBe(iso.slice(0, 10));
        expect(formatUtcFileStamp(d)).toBe(iso.slice(0, 19).replace(/[:T]/g, "-"));
      }),
    );
  });

  describe("in another process time zone", () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it("still writes UTC (the server's zone never leaks into the page)", () => {
      vi.stubEnv("TZ", "Pacific/Kiritimati"); // UTC+14: a different calendar day from UTC for half of it
      expect(new Date(AT).getHours()).not.toBe(12);
      expect(formatUtc(AT)).toBe("2026-03-01 12:34 UTC");
      expect(formatUtcDate("2026-03-01T23:30:00.000Z")).toBe("2026-03-01");
      expect(formatUtcIso(AT)).toBe(AT);
    });
  });
});
