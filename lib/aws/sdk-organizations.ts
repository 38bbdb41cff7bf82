import "server-only";
import {
  CancelHandshakeCommand,
  DescribeHandshakeCommand,
  DescribeOrganizationCommand,
  InviteAccountToOrganizationCommand,
  paginateListAccounts,
  paginateListHandshakesForOrganization,
  type Handshake as SdkHandshake,
  type OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { mapAwsError } from "./errors";
import type { AwsSession, Handshake, HandshakeState, OrganizationSummary, OrganizationsOperations } from "./gateway";
import { createOrganizationsClient, required, type CredentialsSource } from "./sdk-shared";

const handshakeStates: readonly HandshakeState[] = ["REQUESTED", "OPEN", "CANCELED", "ACCEPTED", "DECLINED", "EXPIRED"];

const featureSets: readonly OrganizationSummary["featureSet"][] = ["ALL", "CONSOLIDATED_BILLING"];

/** SDK handshake → domain handshake; a response missing a field Pump relies on is a service error, not a guess. */
export function toHandshake(h: SdkHandshake | undefined, operation: string): Handshake {
  const hs = required(h, operation, "Handshake");
  const party = (type: string) => hs.Parties?.find((p) => p.Type === type)?.Id;
  const state = required(hs.State, operation, "Handshake.State");
  return {
    id: required(hs.Id, operation, "Handshake.Id"),
    arn: required(hs.Arn, operation, "Handshake.Arn"),
    state: required(
      handshakeStates.find((s) => s === state),
      operation,
      `a known Handshake.State (got ${state})`,
    ),
    accountId: required(party("ACCOUNT"), operation, "an ACCOUNT party"),
    organizationId: required(party("ORGANIZATION"), operation, "an ORGANIZATION party"),
    requestedAt: required(hs.RequestedTimestamp, operation, "Handshake.RequestedTimestamp"),
    expiresAt: required(hs.ExpirationTimestamp, operation, "Handshake.ExpirationTimestamp"),
  };
}

/**
 * Organizations through SDK v3: one short-lived client per call, signed with the calling session's credentials
 * (the console's own for a console session), in us-east-1.
 */
export function sdkOrganizationsOperations(consoleCredentials?: CredentialsSource): OrganizationsOperations {
  async function withOrganizations<T>(
    as: AwsSession,
    operation: string,
    fn: (c: OrganizationsClient) => Promise<T>,
    opts: { noRetry?: boolean } = {},
  ) {
    const client = createOrganizationsClient(as.kind === "assumed" ? as.credentials : consoleCredentials, opts);
    try {
      return await fn(client);
    } catch (error) {
      throw mapAwsError(error, { operation });
    } finally {
      client.destroy();
    }
  }

  return {
    inviteAccount(as, p) {
      const operation = "InviteAccountToOrganization";
      return withOrganizations(
        as,
        operation,
        async (client) => {
          const out = await client.send(
            new InviteAccountToOrganizationCommand({
              Target: { Type: "ACCOUNT", Id: p.accountId },
              Notes: p.notes,
              Tags: p.tags?.map((t) => ({ Key: t.key, Value: t.value })),
            }),
          );
          return toHandshake(out.Handshake, operation);
          // No SDK retries: the call has no idempotency token, and a timeout may hide an invitation AWS created. The
          // invite service backs off on throttling itself and settles anything else by reading AWS
          // (README › Invites: exactly once).
        },
        { noRetry: true },
      );
    },

    listInviteHandshakes(as) {
      const operation = "ListHandshakesForOrganization";
      return withOrganizations(as, operation, async (client) => {
        const all: Handshake[] = [];
        // The paginator follows NextToken until AWS omits it, through empty pages
        // (https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListHandshakesForOrganization.html).
        for await (const page of paginateListHandshakesForOrganization(
          { client },
          { Filter: { ActionType: "INVITE" } },
        )) {
          for (const h of page.Handshakes ?? []) all.push(toHandshake(h, operation));
        }
        return all;
      });
    },

    describeHandshake(as, handshakeId) {
      const operation = "DescribeHandshake";
      return withOrganizations(as, operation, async (client) => {
        const out = await client.send(new DescribeHandshakeCommand({ HandshakeId: handshakeId }));
        return toHandshake(out.Handshake, operation);
      });
    },

    cancelHandshake(as, handshakeId) {
      const operation = "CancelHandshake";
      return withOrganizations(as, operation, async (client) => {
        const out = await client.send(new CancelHandshakeCommand({ HandshakeId: handshakeId }));
        return toHandshake(out.Handshake, operation);
      });
    },

    listAccountIds(as) {
      const operation = "ListAccounts";
      return withOrganizations(as, operation, async (client) => {
        const ids: string[] = [];
        for await (const page of paginateListAccounts({ client }, {})) {
          for (const a of page.Accounts ?? []) ids.push(required(a.Id, operation, "Account.Id"));
        }
        return ids;
      });
    },

    async describeOrganization(as) {
      const operation = "DescribeOrganization";
      try {
        return await withOrganizations(as, operation, async (client): Promise<OrganizationSummary> => {
          const org = required(
            (await client.send(new DescribeOrganizationCommand({}))).Organization,
            operation,
            "Organization",
          );
          const featureSet = required(org.FeatureSet, operation, "Organization.FeatureSet");
          return {
            id: required(org.Id, operation, "Organization.Id"),
            managementAccountId: required(org.MasterAccountId, operation, "Organization.MasterAccountId"),
            featureSet: required(
              featureSets.find((f) => f === featureSet),
              operation,
              `a known Organization.FeatureSet (got ${featureSet})`,
            ),
          };
        });
      } catch (error) {
        // Not in an organization is an answer, not a failure
        // (https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html).
        if ((error as { awsErrorName?: string }).awsErrorName === "AWSOrganizationsNotInUseException") return null;
        throw error;
      }
    },
  };
}
