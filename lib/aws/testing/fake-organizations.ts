// Test helper only (imported by sdk-gateway.test.ts): an Organizations stand-in behind aws-sdk-client-mock,
// programmed from the sandbox world and written independently of the sandbox, so the contract compares the two.
import {
  AccessDeniedException,
  AWSOrganizationsNotInUseException,
  CancelHandshakeCommand,
  ConstraintViolationException,
  DescribeHandshakeCommand,
  DescribeOrganizationCommand,
  DuplicateHandshakeException,
  HandshakeAlreadyInStateException,
  HandshakeConstraintViolationException,
  HandshakeNotFoundException,
  InvalidHandshakeTransitionException,
  InviteAccountToOrganizationCommand,
  ListAccountsCommand,
  ListHandshakesForOrganizationCommand,
  OrganizationsClient,
  OrganizationsServiceException,
  type Handshake,
} from "@aws-sdk/client-organizations";
import { mockClient } from "aws-sdk-client-mock";
import { randomBytes } from "node:crypto";
import { sandboxOrganizationsWorld } from "../sandbox-world";

type ClientLike = { config: { credentials: () => Promise<{ accessKeyId: string }> } };
type Org = { id: string; managementAccountId: string; featureSet: string; quota: number; dailyLimit: number };
type Stored = Handshake & { Id: string; State: string; orgId: string; target: string; requested: number };

const DAY = 24 * 3600 * 1000;
const meta = { $metadata: { httpStatusCode: 400 } };
const err = (message: string) => ({ message, Message: message, ...meta });

export function createFakeOrganizations(clock: () => Date, accountOf: (accessKeyId: string) => string | undefined) {
  const mock = mockClient(OrganizationsClient);
  const orgs = new Map<string, Org>();
  const memberOf = new Map<string, string>();
  for (const o of sandboxOrganizationsWorld) {
    orgs.set(o.id, {
      id: o.id,
      managementAccountId: o.managementAccountId,
      featureSet: o.featureSet,
      quota: 10,
      dailyLimit: 20,
    });
    memberOf.set(o.managementAccountId, o.id);
    for (const a of o.memberAccountIds) memberOf.set(a, o.id);
  }
  const handshakes: Stored[] = [];
  /** Pages of at most 2, and an empty first page with a NextToken, as AWS is allowed to return. */
  const PAGE = 2;

  async function caller(getClient: () => unknown) {
    const { accessKeyId } = await (getClient() as ClientLike).config.credentials();
    const account = accountOf(accessKeyId);
    if (!account) {
      throw new OrganizationsServiceException({
        name: "UnrecognizedClientException",
        $fault: "client",
        $metadata: { httpStatusCode: 403 },
        message: "The security token included in the request is invalid.",
      });
    }
    return account;
  }

  async function managedOrg(getClient: () => unknown) {
    const account = await caller(getClient);
    const org = orgs.get(memberOf.get(account) ?? "");
    if (!org) throw new AWSOrganizationsNotInUseException(err("Your account is not a member of an organization."));
    if (org.managementAccountId !== account) throw new AccessDeniedException(err("You don't have permissions."));
    return org;
  }

  // The state AWS reports now: OPEN past its expiration reads EXPIRED.
  const view = (h: Stored): Handshake => ({
    ...h,
    State: h.State === "OPEN" && (h.ExpirationTimestamp?.getTime() ?? 0) <= clock().getTime() ? "EXPIRED" : h.State,
  });
  const find = (id: string | undefined, orgId: string) => {
    const h = handshakes.find((x) => x.Id === id && x.orgId === orgId);
    if (!h) throw new HandshakeNotFoundException(err(`Handshake ${id} not found.`));
    return h;
  };

  function install() {
    mock.reset();
    mock.on(InviteAccountToOrganizationCommand).callsFake(async (input, getClient) => {
      const org = await managedOrg(getClient);
      const target = input.Target?.Id ?? "";
      const now = clock().getTime();
      if (memberOf.get(target) === org.id) {
        throw new HandshakeConstraintViolationException({
          ...err("The invited account is already a member of an organization."),
          Reason: "ALREADY_IN_AN_ORGANIZATION",
        });
      }
      const mine = handshakes.filter((h) => h.orgId === org.id);
      const pending = mine.filter((h) => view(h).State === "OPEN");
      if (pending.some((h) => h.target === target)) throw new DuplicateHandshakeException(err("Duplicate handshake."));
      if (mine.filter((h) => h.requested > now - DAY && h.State !== "ACCEPTED").length >= org.dailyLimit) {
        throw new ConstraintViolationException({
          ...err("Too many invitations."),
          Reason: "HANDSHAKE_RATE_LIMIT_EXCEEDED",
        });
      }
      const members = [...memberOf.values()].filter((o) => o === org.id).length;
      if (members + pending.length >= org.quota) {
        throw new ConstraintViolationException({ ...err("Account limit."), Reason: "ACCOUNT_NUMBER_LIMIT_EXCEEDED" });
      }
      const id = "h-" + randomBytes(8).toString("hex");
      const stored: Stored = {
        Id: id,
        Arn: `arn:aws:organizations::${org.managementAccountId}:handshake/${org.id}/invite/${id}`,
        Parties: [
          { Id: org.id, Type: "ORGANIZATION" },
          { Id: target, Type: "ACCOUNT" },
        ],
        State: "OPEN",
        RequestedTimestamp: new Date(now),
        ExpirationTimestamp: new Date(now + 15 * DAY),
        Action: "INVITE",
        orgId: org.id,
        target,
        requested: now,
      };
      handshakes.push(stored);
      return { Handshake: view(stored) };
    });
    mock.on(ListHandshakesForOrganizationCommand).callsFake(async (input, getClient) => {
      const org = await managedOrg(getClient);
      const listed = handshakes.filter((h) => h.orgId === org.id && input.Filter?.ActionType === "INVITE");
      if (input.NextToken === undefined && listed.length > 0) return { Handshakes: [], NextToken: "0" };
      const start = Number(input.NextToken ?? 0);
      const next = start + PAGE < listed.length ? String(start + PAGE) : undefined;
      return { Handshakes: listed.slice(start, start + PAGE).map(view), NextToken: next };
    });
    mock.on(DescribeHandshakeCommand).callsFake(async (input, getClient) => {
      const org = await managedOrg(getClient);
      return { Handshake: view(find(input.HandshakeId, org.id)) };
    });
    mock.on(CancelHandshakeCommand).callsFake(async (input, getClient) => {
      const org = await managedOrg(getClient);
      const h = find(input.HandshakeId, org.id);
      const state = view(h).State;
      if (state === "CANCELED") throw new HandshakeAlreadyInStateException(err("Already CANCELED."));
      if (state !== "OPEN") throw new InvalidHandshakeTransitionException(err(`Cannot cancel a ${state} handshake.`));
      h.State = "CANCELED";
      return { Handshake: view(h) };
    });
    mock.on(ListAccountsCommand).callsFake(async (input, getClient) => {
      const org = await managedOrg(getClient);
      const ids = [...memberOf]
        .filter(([, o]) => o === org.id)
        .map(([a]) => a)
        .sort();
      const start = Number(input.NextToken ?? 0);
      const next = start + PAGE < ids.length ? String(start + PAGE) : undefined;
      return { Accounts: ids.slice(start, start + PAGE).map((Id) => ({ Id })), NextToken: next };
    });
    mock.on(DescribeOrganizationCommand).callsFake(async (_input, getClient) => {
      const org = orgs.get(memberOf.get(await caller(getClient)) ?? "");
      if (!org) throw new AWSOrganizationsNotInUseException(err("Your account is not a member of an organization."));
      return {
        Organization: {
          Id: org.id,
          Arn: `arn:aws:organizations::${org.managementAccountId}:organization/${org.id}`,
          FeatureSet: org.featureSet,
          MasterAccountId: org.managementAccountId,
        },
      };
    });
  }

  install();
  return { mock, install };
}
