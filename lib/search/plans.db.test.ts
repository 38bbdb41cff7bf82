import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DatabaseHandle } from "@/db/client";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { sandboxWorld } from "@/lib/aws/sandbox-world";
import { searchTenants } from "./search";

/**
 * Every kind of search input is answered from an index, at the scale the tenants list is built for. The data is
 * generated in SQL (100k tenants and 250k accounts on the PostgreSQL server; a fifth of that on PGlite, to keep
 * the unit run short), analysed, then each search runs through a drizzle instance that records its statements,
 * and each recorded SELECT is EXPLAINed with its own parameters (and the SET LOCALs before it). The indexes each
 * kind used are printed, for the record.
 */
const scale = testDatabaseKind() === "postgres" ? 100_000 : 20_000;

type Logged = { query: string; params: unknown[] };
type RawClient = { query: (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };

let handle: DatabaseHandle;
let client: RawClient;
let recording: Db;
const log: Logged[] = [];

async function generate(db: Db, n: number) {
  // Names as varied as real ones: 50k invented words, a third with a second word, and ten common suffixes.
  const syllables = sql.raw(
    "array['ka','lo','mi','ra','te','no','vi','sa','do','re','zu','pe','ga','fi','ho','li','ma','ne','po'," +
      "'qu','ri','su','ta','ve','xo','ya','ze','bo','ce','du','el','an','is','or','un','ex','ar']",
  );
  const suffixes = sql.raw(
    `array['Corp','Inc','Ltd','Systems','Labs','Group','Industries','Holdings','Technologies','GmbH']`,
  );
  await db.execute(sql`
    insert into tenants (pump_id, name)
    select 'PUMP-' || (100000 + g),
           initcap(s[1 + (g::bigint * 7919) % 37] || s[1 + (g::bigint * 7919 / 37) % 37] || s[1 + (g::bigint * 7919 / 1369) % 37])
           || case when g % 3 = 0 then ' ' || initcap(s[1 + (g::bigint * 104729) % 37] || s[1 + (g::bigint * 104729 / 37) % 37]) else '' end
           || ' ' || x[1 + g % 10]
    from generate_series(1, ${n}::int) g, (select ${syllables} as s, ${suffixes} as x) w`);
  // Without statistics the planner would join 250k accounts to 100k tenants by nested loop.
  await db.execute(sql`analyze tenants`);
  await db.execute(sql`
    insert into aws_accounts (tenant_id, account_id, name, email, role_arn, role_type, external_id, membership,
                              pump_organization_id, other_org_id, onboarding_state)
    select t.id, a.account_id, 'acct-' || a.g, 'root' || a.g || '@' || t.pump_id || '.example',
           -- Few role ARNs: the table's CHECK compiles a regex per row (~1 ms each), and exact lookups don't need many.
           case when a.g % 100 = 5 then 'arn:aws:iam::' || a.account_id || ':role/PumpCustomerAccess' end,
           'read_only', 'pump-scale-' || a.g,
           case when a.g % 3 = 0 then 'pump_member'::membership when a.g % 50 = 1 then 'other_member'::membership else 'standalone'::membership end,
           case when a.g % 3 = 0 then (select id from pump_organizations order by org_id limit 1 offset (a.g / 3) % 2) end,
           case when a.g % 50 = 1 then 'o-scale' || lpad(((a.g / 50) % 1000)::text, 5, '0') end,
           'joined'
    from (select g, (200000000000 + g)::text as account_id from generate_series(1, ${Math.round(n * 2.5)}::int) g) a
    join tenants t on t.pump_id = 'PUMP-' || (100000 + 1 + a.g % ${n}::int)`);
  await db.execute(sql`
    insert into tenant_contacts (tenant_id, name, email)
    select t.id,
           -- People's names as varied as the companies': an invented first and last name per tenant.
           initcap(s[1 + (g::bigint * 6007) % 37] || s[1 + (g::bigint * 6007 / 37) % 37]) || ' '
           || initcap(s[1 + (g::bigint * 3001) % 37] || s[1 + (g::bigint * 3001 / 37) % 37] || s[1 + (g::bigint * 3001 / 1369) % 37]),
           'person' || substr(t.pump_id, 6) || '@' || lower(replace(t.name, ' ', '')) || '.example'
    from (select id, pump_id, name, substr(pump_id, 6)::int as g from tenants) t, (select ${syllables} as s) w`);
  await db.execute(sql`
    insert into org_invites (aws_account_id, pump_organization_id, handshake_id, state)
    select a.id, (select id from pump_organizations order by org_id limit 1), 'h-scale' || lpad(row_number() over ()::text, 8, '0'), 'ACCEPTED'
    from aws_accounts a where a.account_id like '2%' and a.account_id::bigint % 5 = 0`);
  await db.execute(sql`analyze`);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
  await generate(handle.db, scale);
  client = (handle.db as unknown as { $client: RawClient }).$client;
  const logger = { logQuery: (query: string, params: unknown[]) => void log.push({ query, params }) };
  recording = (testDatabaseKind() === "postgres"
    ? drizzlePg(client as never, { schema, logger })
    : drizzlePglite(client as never, { schema, logger })) as unknown as Db;
}, 600_000);
afterAll(() => handle.close());

/** EXPLAINs each SELECT a search ran, in a transaction with the same SET LOCALs before it, as the search had. */
async function plansFor(q: string) {
  log.length = 0;
  await searchTenants(recording, q, { canSearchExternalId: true });
  const settings = log.filter((l) => l.query.includes("set_config"));
  const selects = log.filter((l) => /^select /i.test(l.query) && !l.query.includes("set_config"));
  const pool = client as RawClient & { connect?: () => Promise<RawClient & { release: () => void }> };
  const connection: RawClient & { release?: () => void } = pool.connect ? await pool.connect() : client;
  const plans: string[] = [];
  try {
    await connection.query("begin read only", []);
    for (const { query, params } of settings) await connection.query(query, params);
    for (const { query, params } of selects) {
      const { rows } = await connection.query(`explain ${query}`, params);
      plans.push(rows.map((r) => String(Object.values(r)[0])).join("\n"));
    }
  } finally {
    await connection.query("rollback", []);
    connection.release?.();
  }
  return plans;
}

const { acme } = sandboxWorld.customers;
const cases: [kind: string, q: string, indexes: RegExp[]][] = [
  // text_pattern_ops also answers `=`: the planner may pick either index on account_id.
  ["account ID", "2000-0001-2345", [/aws_accounts_account_(id_key|prefix_idx)/]],
  ["account ID prefix", "20000001", [/aws_accounts_account_prefix_idx/]],
  ["role ARN", acme.roleArn, [/aws_accounts_role_arn_idx/, /aws_accounts_account_(id_key|prefix_idx)/]],
  ["assumed-role ARN", "arn:aws:sts::200000012345:assumed-role/PumpCustomerAccess/ops", [/aws_accounts_role_arn_idx/]],
  ["Pump ID", "PUMP-104242", [/tenants_pump_id_key/]],
  ["organization ID (other)", "o-scale00042", [/aws_accounts_other_org_idx/]],
  // pump_organizations has a handful of rows: a scan of it is fine; the accounts side must use an index.
  ["organization ID (Pump)", "o-7hk2m9q4xz", [/aws_accounts_(tenant|pump_org)_idx/]],
  ["handshake ID", "h-scale00000042", [/org_invites_handshake_key/]],
  ["email (local part + @)", "person104242@", [/tenant_contacts_email_idx/, /aws_accounts_email_idx/]],
  ["email (prefix)", "root12345", [/tenant_contacts_email_idx/, /aws_accounts_email_idx/]],
  ["name (typo)", "Lodno", [/tenants_name_trgm_idx/]],
  ["name (prefix)", "lodun", [/tenants_name_trgm_idx/]],
  ["name (a word in 10% of names)", "systems", [/tenants_name_trgm_idx/]],
  ["name (two letters)", "lo", [/tenants_name_trgm_idx/]],
  ["name (several words)", "Lodun Tenove Corporation", [/tenants_name_trgm_idx/]],
  ["External ID", "pump-scale-4242", [/aws_accounts_external_id_key/]],
  ["contact name (typo)", "Kalo Miraten", [/tenant_contacts_name_trgm_idx/]],
  ["contact name (surname)", "miraten", [/tenant_contacts_name_trgm_idx/]],
  ["account name", "acct-4242", [/aws_accounts_name_trgm_idx/]],
  ["ARN cut short", "arn:aws:iam::200000012345:role/Pump…", [/aws_accounts_account_(id_key|prefix_idx)/]],
  ["ARN cut inside the account ID", "arn:aws:iam::20000001", [/aws_accounts_account_prefix_idx/]],
];

describe(`search plans at ${scale.toLocaleString("en")} tenants (${testDatabaseKind()})`, () => {
  it.each(cases)("%s is answered from an index, never a sequential scan", async (kind, q, indexes) => {
    const plans = await plansFor(q);
    expect(plans.length, kind).toBeGreaterThan(0);
    const all = plans.join("\n---\n");
    // One line per kind for the record; the full plans are in the assertion messages when one fails.
    const used = plans.map(
      (p) =>
        [...new Set([...p.matchAll(/(?:using|on) (\w+_(?:idx|key|pkey|unique))/g)].map((m) => m[1]))].join(" + ") ||
        (p.match(/Seq Scan on \w+/)?.[0] ?? "?"),
    );
    console.log(`[plan] ${kind} ${JSON.stringify(q)}: ${used.join(" | ")}`);
    for (const plan of plans)
      expect(plan, kind).not.toMatch(/Seq Scan on (tenants|aws_accounts|tenant_contacts|org_invites)\b/);
    for (const index of indexes) expect(all, kind).toMatch(index);
  });
});
