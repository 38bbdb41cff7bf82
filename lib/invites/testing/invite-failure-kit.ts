// Shared by the tests of outcomes.ts and of the send path over the SDK (not shipped: only tests import it).
import { expect } from "vitest";
import { mapAwsError } from "@/lib/aws/errors";
import { classifyInviteFailure, type InviteFailure } from "../outcomes";

/** The fields an Organizations exception carries as the SDK deserializes it from AWS's JSON. */
export const wire = (message: string, status = 400) => ({
  message,
  Message: message,
  $metadata: { httpStatusCode: status },
});

/** What the send path makes of an error InviteAccountToOrganization threw. */
export const classifyInvite = (error: unknown) =>
  classifyInviteFailure(mapAwsError(error, { operation: "InviteAccountToOrganization" }));

export function expectPlainMessage(failure: InviteFailure) {
  expect(failure.message.length).toBeGreaterThan(30);
  expect(failure.message).toMatch(/^InviteAccountToOrganization: [A-Z]/);
  expect(failure.message).not.toMatch(/\[object|undefined|Error:/);
}
