// The send path over the real SDK gateway, for the *.sdk.test.ts files (not shipped: only tests import it).
import {
  AccessDeniedException,
  DuplicateHandshakeException,
  InviteAccountToOrganizationCommand,
  ListHandshakesForOrganizationCommand,
  ServiceException,
  type Handshake as SdkHandshake,
  type InviteAccountToOrganizationCommandInput,
} from "@aws-sdk/client-organizations";
import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { pumpOrganizations } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase } from "@/db/testing/test-database";
import { createFakeOrganizations } from "@/lib/aws/testing/fake-organizations";
import { createFakeSts, FAKE_CONSOLE_CREDENTIALS } from "@/lib/aws/testing/fake-sts";
import { sandboxWorld } from "@/lib/aws/sandbox-world";
import { createSdkGateway } from "@/lib/aws/sdk-gateway";
import { inviteDeps, reconcileDeps } from "./invite-test-kit";
import { reconcileAll } from "../reconcile";
import { wire } from "./invite-failure-kit";

/**
 * STS and DescribeOrganization come from the fakes of lib/aws; InviteAccountToOrganization and
 * ListHandshakesForOrganization are programmed over a handshake store, so each test decides what AWS does with the
 * one call Pump makes, and counts it. Each test file gets its own store and seeded database.
 */

export const DAY = 24 * 3600 * 1000;
const sts = createFakeSts(() => new Date());
const organizations = createFakeOrganizations(() => new Date(), sts.accountOf);
const gateway = createSdkGateway({ region: "eu-west-1", consoleCredentials: FAKE_CONSOLE_CREDENTIALS });

type Stored = { orgId: string; handshake: SdkHandshake & { Id: string } };
const store: Stored[] = [];
export type Invite = (input: InviteAccountToOrganizationCommandInput, getClient: () => unknown) => Promise<unknown>;
let invite: Invite;
let listFailures = 0;

export async function callerOrganization(getClient: () => unknown) {
  const client = getClient() as { config: { credentials: () => Promise<{ accessKeyId: string }> } };
  const account = sts.accountOf((await client.config.credentials()).accessKeyId);
  const org = sandboxWorld.pumpOrganizations.find((o) => o.managementAccountId === account);
  if (!org)
    throw new AccessDeniedException({ message: "You don't have permissions.", $metadata: { httpStatusCode: 403 } });
  return org;
}

/** What AWS does with an invitation it accepts: one handshake, OPEN for 15 days. */
export function recordHandshake(
  org: { orgId: string; managementAccountId: string },
  target: string,
  requestedAt = new Date(),
) {
  const id = "h-" + randomBytes(8).toString("hex");
  const handshake = {
    Id: id,
    Arn: `arn:aws:organizations::${org.managementAccountId}:handshake/${org.orgId}/invite/${id}`,
    Parties: [
      { Id: org.orgId, Type: "ORGANIZATION" as const },
      { Id: target, Type: "ACCOUNT" as const },
    ],
    State: "OPEN" as const,
    RequestedTimestamp: requestedAt,
    ExpirationTimestamp: new Date(requestedAt.getTime() + 15 * DAY),
    Action: "INVITE" as const,
  };
  store.push({ orgId: org.orgId, handshake });
  return handshake;
}

/** AWS's normal behaviour: a pending invitation for the same account is a DuplicateHandshake, else a new handshake. */
export const awsInvites: Invite = async (input, getClient) => {
  const org = await callerOrganization(getClient);
  const target = input.Target?.Id ?? "";
  const pending = store.some(
    (s) => s.orgId === org.orgId && s.handshake.Parties?.[1]?.Id === target && s.handshake.State === "OPEN",
  );
  if (pending)
    throw new DuplicateHandshakeException(wire("A handshake with the same action and target already exists."));
  return { Handshake: recordHandshake(org, target) };
};

export const inviteCalls = () => organizations.mock.commandCalls(InviteAccountToOrganizationCommand).length;
export const timeout = () => Object.assign(new Error("socket timed out after 15000 ms"), { name: "TimeoutError" });
export const handshakesOf = (accountId: string) =>
  store.filter((s) => s.handshake.Parties?.[1]?.Id === accountId).map((s) => s.handshake);

/**
 * Installs the mocks before each test (AWS answering normally, listing working) and one seeded database for the
 * file; returns what the tests act through.
 */
export function setupSdkInviteWorld() {
  beforeEach(() => {
    sts.install();
    organizations.install();
    invite = awsInvites;
    listFailures = 0;
    organizations.mock.on(InviteAccountToOrganizationCommand).callsFake((input, getClient) => invite(input, getClient));
    organizations.mock.on(ListHandshakesForOrganizationCommand).callsFake(async (_input, getClient) => {
      if (listFailures > 0) {
        listFailures--;
        throw new ServiceException(wire("We encountered an internal error.", 500));
      }
      const org = await callerOrganization(getClient);
      return { Handshakes: store.filter((s) => s.orgId === org.orgId).map((s) => s.handshake) };
    });
  });

  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db);
    // Room for every test's pending invitation: these files are about what AWS answers, not about Pump's quota.
    await handle.db.update(pumpOrganizations).set({ accountQuota: 50 }).where(eq(pumpOrganizations.name, "Pump Main"));
  }, 120_000);
  afterAll(async () => {
    sts.mock.restore();
    organizations.mock.restore();
    await handle.close();
  });

  return {
    db: () => handle.db,
    deps: () => inviteDeps(handle.db, gateway),
    reconcile: (stuckAfterMs?: number) =>
      reconcileAll(reconcileDeps(handle.db, gateway, stuckAfterMs === undefined ? {} : { stuckAfterMs })),
    /** What AWS does with the next InviteAccountToOrganization calls of this test. */
    answerInvites: (answer: Invite) => {
      invite = answer;
    },
    /** The next `n` ListHandshakesForOrganization calls fail with a 5xx. */
    failListing: (n: number) => {
      listFailures = n;
    },
  };
}
