import "server-only";
import type { Db } from "@/db/client";
import { classifyQuery, describeUnmatched, type ClassifyOptions, type SearchTerm } from "./classify";
import * as q from "./queries";
import { PRIORITY, rankHits, RESULT_LIMIT, type Hit } from "./rank";
import type { SearchResponse } from "./types";

export type SearchOptions = ClassifyOptions;

export type SearchOutcome = SearchResponse & {
  /**
   * aws_accounts.id of the account whose External ID was the query, for the audit row the route writes (a hit
   * proves someone holds the secret). Never sent to the browser, and never the value itself.
   */
  externalIdMatch: string | null;
};

type TermOutcome = { hits: Hit[]; notice?: string; externalIdMatch?: string };

/**
 * The ⌘K search: whatever was pasted from a ticket → at most 10 tenants/accounts, best first, each saying why it
 * matched. Malformed or empty input returns no results without touching the database. The External ID kind is
 * searched only with `canSearchExternalId`; no result ever contains an External ID.
 */
export async function searchTenants(db: Db, query: unknown, options: SearchOptions): Promise<SearchOutcome> {
  const terms = classifyQuery(query, options);
  const reading = describeUnmatched(query);
  if (terms.length === 0)
    return reading ? { results: [], reading, externalIdMatch: null } : { results: [], externalIdMatch: null };
  // One read-only transaction: the name search's settings are SET LOCAL, so they never leak to a pooled connection.
  return db.transaction(
    async (tx) => {
      if (terms.some((t) => t.kind === "name")) await q.prepareNameSearch(tx);
      const outcomes: TermOutcome[] = [];
      for (const term of terms) outcomes.push(await runTerm(tx, term));
      const { results, hasMore } = rankHits(outcomes.flatMap((o) => o.hits));
      const notice =
        outcomes.find((o) => o.notice)?.notice ??
        (hasMore
          ? `More than ${RESULT_LIMIT} matches: showing the best ${RESULT_LIMIT}. Paste more of the value to narrow it down.`
          : undefined);
      const externalIdMatch = outcomes.find((o) => o.externalIdMatch)?.externalIdMatch ?? null;
      // Said only when nothing matched: with results, each result already says why it matched.
      const said = { ...(notice ? { notice } : {}), ...(results.length === 0 && reading ? { reading } : {}) };
      return { results, ...said, externalIdMatch };
    },
    { accessMode: "read only" },
  );
}

async function runTerm(db: Db, term: SearchTerm): Promise<TermOutcome> {
  switch (term.kind) {
    case "account_id": {
      const rows = await q.findByAccountId(db, term.accountId);
      return {
        hits: rows.map((r) => ({
          ...r,
          matched: `account ID ${r.accountId}`,
          tier: "exact",
          priority: PRIORITY.accountId,
        })),
      };
    }
    case "account_prefix": {
      const rows = await q.findByAccountPrefix(db, term.prefix);
      const matched = (id: string) => `account ID ${id} (starts with ${term.prefix})`;
      return {
        hits: rows.map((r) => ({ ...r, matched: matched(r.accountId), tier: "prefix", priority: PRIORITY.accountId })),
      };
    }
    case "arn": {
      const rows = await q.findByArn(db, term.accountId, term.roleArn);
      return { hits: rows.map(({ roleArn, ...r }) => arnHit(term, roleArn, r)) };
    }
    case "pump_id": {
      const rows = await q.findByPumpIds(db, term.pumpIds);
      return { hits: rows.map((r) => ({ ...r, matched: "Pump ID", tier: "exact", priority: PRIORITY.pumpId })) };
    }
    case "handshake_id": {
      const rows = await q.findByHandshakeId(db, term.handshakeId);
      const hits = rows.map(({ state, ...r }): Hit => ({
        ...r,
        matched: `handshake ${term.handshakeId} (${(state ?? "not sent").toLowerCase()})`,
        tier: "exact",
        priority: PRIORITY.handshakeId,
      }));
      return { hits };
    }
    case "org_id":
      return searchOrgId(db, term.orgId);
    case "email": {
      const contacts = await q.findContactsByEmail(db, term.email);
      const roots = await q.findAccountsByEmail(db, term.email);
      const tier = (email: string | null) => (email?.toLowerCase() === term.email ? "exact" : "prefix");
      return {
        hits: [
          ...contacts.map(({ email, ...r }): Hit => ({
            ...r,
            matched: `contact email ${email}`,
            tier: tier(email),
            priority: PRIORITY.contactEmail,
          })),
          ...roots.map(({ email, ...r }): Hit => ({
            ...r,
            matched: `root email ${email}`,
            tier: tier(email),
            priority: PRIORITY.rootEmail,
          })),
        ],
      };
    }
    case "name":
      return searchNames(db, term.name, term.hasSubstring);
    case "external_id": {
      const [row] = await q.findByExternalId(db, term.externalId);
      if (!row) return { hits: [] };
      const { awsAccountRowId, ...r } = row;
      return {
        hits: [{ ...r, matched: "External ID", tier: "exact", priority: PRIORITY.externalId }],
        externalIdMatch: awsAccountRowId,
      };
    }
  }
}

function arnHit(
  term: Extract<SearchTerm, { kind: "arn" }>,
  roleArn: string | null,
  row: { pumpId: string; tenantName: string; accountId: string },
): Hit {
  const sameRole =
    roleArn !== null &&
    (roleArn === term.roleArn ||
      (term.isAssumedRole && term.roleName !== null && roleArn.endsWith(`/${term.roleName}`)));
  if (sameRole && row.accountId === term.accountId) {
    return {
      ...row,
      matched: term.isAssumedRole ? "role ARN (assumed role)" : "role ARN",
      tier: "exact",
      priority: PRIORITY.roleArn,
    };
  }
  return { ...row, matched: `account ID ${row.accountId} (from ARN)`, tier: "exact", priority: PRIORITY.accountId };
}

/** Accounts in another organization with that ID, and tenants with accounts in the Pump organization with it. */
async function searchOrgId(db: Db, orgId: string): Promise<TermOutcome> {
  const others = await q.findByOtherOrgId(db, orgId);
  const [pumpOrg] = await q.findPumpOrganization(db, orgId);
  const members = pumpOrg ? await q.findTenantsInPumpOrganization(db, pumpOrg.id) : [];
  const hits: Hit[] = [
    ...others.map((r): Hit => ({
      ...r,
      matched: `account in organization ${orgId}`,
      tier: "exact",
      priority: PRIORITY.otherOrg,
    })),
    ...members.map((r): Hit => ({
      ...r,
      matched: `Pump organization ${pumpOrg!.name} (${orgId})`,
      tier: "exact",
      priority: PRIORITY.pumpOrg,
    })),
  ];
  const isCut = members.length >= q.KIND_LIMIT || others.length >= q.KIND_LIMIT;
  const notice = isCut
    ? `Organization ${orgId}${pumpOrg ? ` (${pumpOrg.name})` : ""} has more than ${RESULT_LIMIT} tenants and ` +
      `accounts: showing the first ${RESULT_LIMIT}.`
    : undefined;
  return notice ? { hits, notice } : { hits };
}

/** How a trigram name match matched, in words, with its tier; a substring beats any merely similar name. */
function nameHit(
  flags: { isExact: boolean; isPrefix: boolean; isSubstring: boolean; score: number },
  what: string,
): Pick<Hit, "matched" | "tier" | "score"> {
  if (flags.isExact) return { matched: what, tier: "exact", score: flags.score };
  if (flags.isPrefix) return { matched: `${what} (starts with)`, tier: "prefix", score: flags.score };
  if (flags.isSubstring) return { matched: `${what} (contains)`, tier: "fuzzy", score: flags.score + 1 };
  return { matched: `${what} (similar)`, tier: "fuzzy", score: flags.score };
}

/**
 * Company names, and (from 3 letters or digits on, where a trigram index can narrow it) contact names and AWS
 * account names; an account name leads to that account.
 */
async function searchNames(db: Db, name: string, hasSubstring: boolean): Promise<TermOutcome> {
  const companies = await q.findByName(db, name, hasSubstring);
  const contacts = hasSubstring ? await q.findByContactName(db, name, hasSubstring) : [];
  const accounts = hasSubstring ? await q.findByAccountName(db, name) : [];
  return {
    hits: [
      ...companies.map(({ isExact, isPrefix, isSubstring, score, ...r }): Hit => ({
        ...r,
        priority: PRIORITY.name,
        ...nameHit({ isExact, isPrefix, isSubstring, score }, "name"),
      })),
      ...contacts.map(({ contactName, isExact, isPrefix, isSubstring, score, ...r }): Hit => ({
        ...r,
        priority: PRIORITY.contactName,
        ...nameHit({ isExact, isPrefix, isSubstring, score }, `contact ${contactName}`),
      })),
      ...accounts.map(({ accountName, isExact, isPrefix, isSubstring, score, ...r }): Hit => ({
        ...r,
        priority: PRIORITY.accountName,
        ...nameHit({ isExact, isPrefix, isSubstring, score }, `account name ${accountName}`),
      })),
    ],
  };
}
