/**
 * How long a pending invitation has left, in the words the pages show ("13 d 4 h left"). Pure, so the countdown
 * component and its tests agree. AWS expires an invitation after 15 days; Pump warns when fewer than 3 remain so
 * someone can nudge the customer (or resend) before it lapses.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const EXPIRY_WARNING_MS = 3 * DAY;

export type Expiry = { kind: "expired" } | { kind: "left"; text: string; isSoon: boolean };

export function describeExpiry(expiresAt: string | Date, now: number): Expiry {
  const left = new Date(expiresAt).getTime() - now;
  // Past the time AWS gave: AWS will say EXPIRED, but Pump only records it once it has read AWS.
  if (left <= 0) return { kind: "expired" };
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / HOUR);
  const minutes = Math.floor((left % HOUR) / MINUTE);
  const text =
    days > 0
      ? `${days} d ${hours} h left`
      : hours > 0
        ? `${hours} h ${minutes} min left`
        : minutes > 0
          ? `${minutes} min left`
          : "less than a minute left";
  return { kind: "left", text, isSoon: left < EXPIRY_WARNING_MS };
}
