/**
 * An expected failure with a message the user can act on (a duplicate, a state that forbids the change…).
 * Actions turn it into `{ ok: false, error, fieldErrors }`; anything else is a bug and gets a generic message.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
