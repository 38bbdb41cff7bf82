/**
 * An expected failure with a message the user can act on (a duplicate, a state that forbids the change…).
 * Actions turn it into `{ ok: false, error, fieldErrors }`; anything else is a bug and gets a generic message.
 */
const BRAND = Symbol.for("pump.DomainError");

export class DomainError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "DomainError";
    Object.defineProperty(this, BRAND, { value: true });
  }
}

// A brand rather than `instanceof`: Next may load this module more than once (route handlers and server actions
// are bundled separately), and a DomainError from one copy must still be recognised by the other.
export function isDomainError(error: unknown): error is DomainError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}
