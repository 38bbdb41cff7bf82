import "server-only";
import { and, eq, exists, inArray, like, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, orgInvites, pumpOrganizations, tenantContacts, tenants } from "@/db/schema";

/**
 * One index-backed query per kind of search input (see lib/search/plans.db.test.ts for the plans). None of them
 * selects aws_accounts.external_id: the External ID lookup filters on it and returns only where it matched.
 */

/** Rows a kind may return; one more than the list shows, so a cut can be noticed. */
export const KIND_LIMIT = 11;

const tenant = { pumpId: tenants.pumpId, tenantName: tenants.name };
const account = { ...tenant, accountId: awsAccounts.accountId };

/** `%`, `_` and `\` match themselves (backslash is LIKE's default escape character). */
export function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const accountsWithTenant = (db: Db) =>
  db.select(account).from(awsAccounts).innerJoin(tenants, eq(tenants.id, awsAccounts.tenantId));

// aws_accounts_account_id_key (unique).
export const findByAccountId = (db: Db, accountId: string) =>
  accountsWithTenant(db).where(eq(awsAccounts.accountId, accountId)).limit(KIND_LIMIT);

// aws_accounts_account_prefix_idx (text_pattern_ops); `using ~<~` orders along that index, so LIMIT stops early.
export const findByAccountPrefix = (db: Db, prefix: string) =>
  accountsWithTenant(db)
    .where(like(awsAccounts.accountId, `${escapeLike(prefix)}%`))
    .orderBy(sql`${awsAccounts.accountId} using ~<~`)
    .limit(KIND_LIMIT);

// BitmapOr of aws_accounts_role_arn_idx and aws_accounts_account_id_key.
export const findByArn = (db: Db, accountId: string, roleArn: string | null) =>
  db
    .select({ ...account, roleArn: awsAccounts.roleArn })
    .from(awsAccounts)
    .innerJoin(tenants, eq(tenants.id, awsAccounts.tenantId))
    .where(
      roleArn === null
        ? eq(awsAccounts.accountId, accountId)
        : or(eq(awsAccounts.roleArn, roleArn), eq(awsAccounts.accountId, accountId)),
    )
    .limit(KIND_LIMIT);

// tenants_pump_id_key (unique).
export const findByPumpIds = (db: Db, pumpIds: string[]) =>
  db.select(tenant).from(tenants).where(inArray(tenants.pumpId, pumpIds)).limit(KIND_LIMIT);

// aws_accounts_other_org_idx.
export const findByOtherOrgId = (db: Db, orgId: string) =>
  accountsWithTenant(db).where(eq(awsAccounts.otherOrgId, orgId)).orderBy(awsAccounts.accountId).limit(KIND_LIMIT);

// pump_organizations_org_id_unique.
export const findPumpOrganization = (db: Db, orgId: string) =>
  db
    .select({ id: pumpOrganizations.id, name: pumpOrganizations.name })
    .from(pumpOrganizations)
    .where(eq(pumpOrganizations.orgId, orgId))
    .limit(1);

/**
 * Tenants with an account in a Pump organization, by name: one row per tenant. A semi-join, looked up by the
 * organization's row id so the planner sees how many accounts it has: for a small organization it starts from
 * aws_accounts_pump_org_idx; for one holding most accounts it walks tenants_name_sort_idx and stops at the limit.
 */
export const findTenantsInPumpOrganization = (db: Db, pumpOrganizationId: string) =>
  db
    .select(tenant)
    .from(tenants)
    .where(
      exists(
        db
          .select({ one: sql`1` })
          .from(awsAccounts)
          .where(and(eq(awsAccounts.tenantId, tenants.id), eq(awsAccounts.pumpOrganizationId, pumpOrganizationId))),
      ),
    )
    .orderBy(sql`lower(${tenants.name})`, tenants.id)
    .limit(KIND_LIMIT);

// org_invites_handshake_key (unique) → aws_accounts_pkey → tenants_pkey.
export const findByHandshakeId = (db: Db, handshakeId: string) =>
  db
    .select({ ...account, state: orgInvites.state })
    .from(orgInvites)
    .innerJoin(awsAccounts, eq(awsAccounts.id, orgInvites.awsAccountId))
    .innerJoin(tenants, eq(tenants.id, awsAccounts.tenantId))
    .where(eq(orgInvites.handshakeId, handshakeId))
    .limit(KIND_LIMIT);

// tenant_contacts_email_idx (lower(email) text_pattern_ops): exact and prefix in one range scan.
export const findContactsByEmail = (db: Db, email: string) =>
  db
    .select({ ...tenant, email: tenantContacts.email })
    .from(tenantContacts)
    .innerJoin(tenants, eq(tenants.id, tenantContacts.tenantId))
    .where(sql`lower(${tenantContacts.email}) like ${`${escapeLike(email)}%`}`)
    .orderBy(sql`lower(${tenantContacts.email}) using ~<~`)
    .limit(KIND_LIMIT);

// aws_accounts_email_idx (lower(email) text_pattern_ops).
export const findAccountsByEmail = (db: Db, email: string) =>
  db
    .select({ ...account, email: awsAccounts.email })
    .from(awsAccounts)
    .innerJoin(tenants, eq(tenants.id, awsAccounts.tenantId))
    .where(sql`lower(${awsAccounts.email}) like ${`${escapeLike(email)}%`}`)
    .orderBy(sql`lower(${awsAccounts.email}) using ~<~`)
    .limit(KIND_LIMIT);

// aws_accounts_external_id_key (unique). Returns the row's id (for the audit target), never the value.
export const findByExternalId = (db: Db, externalId: string) =>
  db
    .select({ ...account, awsAccountRowId: awsAccounts.id })
    .from(awsAccounts)
    .innerJoin(tenants, eq(tenants.id, awsAccounts.tenantId))
    .where(eq(awsAccounts.externalId, externalId))
    .limit(1);

/** Thresholds of pg_trgm's `%` and `<%` operators, set per transaction so the server's defaults don't matter. */
export const SIMILARITY_THRESHOLD = 0.3;
export const WORD_SIMILARITY_THRESHOLD = 0.5;

/**
 * SET LOCAL, inside the search's transaction. enable_seqscan is off there because the planner prices pg_trgm's
 * operators like a plain comparison: for a word in 10% of 100k names ("systems") it picked a parallel sequential
 * scan that ran 570 ms, against 95 ms for the GIN bitmap scan it then chooses (EXPLAIN ANALYZE, PostgreSQL 15).
 */
export const prepareNameSearch = (db: Db) =>
  db.execute(
    sql`select set_config('pg_trgm.similarity_threshold', ${String(SIMILARITY_THRESHOLD)}, true),
               set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true),
               set_config('enable_seqscan', 'off', true)`,
  );

/** The pieces of a trigram name match on `lower(column)`, shared by company, contact and account names. */
function nameMatch(column: SQL | AnyColumn, name: string, hasSubstring: boolean, isFuzzy: boolean) {
  const isMultiWord = name.includes(" ");
  const lowerName = sql`lower(${column})`;
  const contains = `%${escapeLike(name)}%`;
  const isExact = sql<boolean>`${lowerName} = ${name}`;
  const isPrefix = sql<boolean>`${lowerName} like ${`${escapeLike(name)}%`}`;
  const isSubstring = hasSubstring ? sql<boolean>`${lowerName} like ${contains}` : sql<boolean>`false`;
  const wordScore = sql`word_similarity(${name}, ${lowerName})`;
  const score = isMultiWord ? sql`greatest(similarity(${lowerName}, ${name}), ${wordScore})` : wordScore;
  const matches = isFuzzy ? [sql`${name} <% ${lowerName}`] : [];
  if (hasSubstring) matches.push(sql`${lowerName} like ${contains}`);
  if (isFuzzy && isMultiWord) matches.push(sql`${lowerName} % ${name}`);
  return {
    where: or(...matches),
    columns: { isExact, isPrefix, isSubstring, score: sql<number>`${score}::float8`.mapWith(Number) },
    // (A constant is not allowed in ORDER BY, hence the substring flag only when there is one.)
    orderBy: [
      sql`${isExact} desc`,
      sql`${isPrefix} desc`,
      ...(hasSubstring ? [sql`${isSubstring} desc`] : []),
      sql`${score} desc`,
      sql`length(${column})`,
      lowerName,
    ],
  };
}

/**
 * tenants_name_trgm_idx (GIN, lower(name) gin_trgm_ops): `<%` (the query is similar to a part of the name:
 * "globx" → "globex corporation") OR substring LIKE OR, for several words, `%` (whole-name similarity, which also
 * catches a query longer than the name: "acme corporation inc" → "acme corp"), each answered by the index.
 * `%` is left out for one word: it adds no match `<%` misses there, and with few trigrams the index cannot narrow
 * it (at 100k tenants "ac" rechecked 17k rows: 95 ms, against 21 ms without it).
 * Ranked exact name, then prefix, then substring, then by similarity, then shorter names first. The whole-name
 * similarity is computed only for several words too (for "systems", in 4% of names: 65 ms → 37 ms).
 */
export function findByName(db: Db, name: string, hasSubstring: boolean) {
  const m = nameMatch(tenants.name, name, hasSubstring, true);
  return db
    .select({ ...tenant, ...m.columns })
    .from(tenants)
    .where(m.where)
    .orderBy(...m.orderBy)
    .limit(KIND_LIMIT);
}

/** tenant_contacts_name_trgm_idx: the same typo-tolerant match on contact names ("gibons" → Peter Gibbons). */
export function findByContactName(db: Db, name: string, hasSubstring: boolean) {
  const m = nameMatch(tenantContacts.name, name, hasSubstring, true);
  return db
    .select({ ...tenant, contactName: tenantContacts.name, ...m.columns })
    .from(tenantContacts)
    .innerJoin(tenants, eq(tenants.id, tenantContacts.tenantId))
    .where(m.where)
    .orderBy(...m.orderBy)
    .limit(KIND_LIMIT);
}

/**
 * aws_accounts_name_trgm_idx: exact, prefix and substring only. Account names are identifiers like
 * "initrode-07", where "similar" would match all thirty of a tenant's "initrode-NN"; needs a 3-character run.
 */
export function findByAccountName(db: Db, name: string) {
  const m = nameMatch(awsAccounts.name, name, true, false);
  return db
    .select({ ...account, accountName: awsAccounts.name, ...m.columns })
    .from(awsAccounts)
    .innerJoin(tenants, eq(tenants.id, awsAccounts.tenantId))
    .where(m.where)
    .orderBy(...m.orderBy)
    .limit(KIND_LIMIT);
}
