import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * Bulk, realistic-looking data for the benchmark, generated inside PostgreSQL (generate_series) so 100k tenants
 * and 250k accounts take about two minutes. Distributions: ~2.5 accounts per tenant, every onboarding state, 3 % of
 * accounts failing verification, 1 % with an open exception, 6 % with an invite.
 */
/** Bump when the generated data changes: the benchmark keeps databases per version and regenerates otherwise. */
export const BENCH_DATA_VERSION = 3;

export async function generateBenchData(db: Db, tenants: number) {
  const accounts = Math.round(tenants * 2.5);
  await db.execute(sql`
    insert into tenants (pump_id, name, account_manager_id, accounts_count, created_at, last_activity_at)
    select 'PUMP-' || lpad(g::text, 7, '0'),
           -- Company names: a made-up word from three of 20 syllables (8,000 words) and one of 25 trades, like real
           -- customer lists where most names are distinct and a few words ("Systems") are common.
           initcap((array['ka','lo','mi','ra','ten','vo','zu','bel','cor','dan','fel','gor','hin','jas','kel','mar','nor','pel','quin','sor'])[1 + ('x' || substr(md5('a' || g), 1, 6))::bit(24)::int % 20]
                || (array['ka','lo','mi','ra','ten','vo','zu','bel','cor','dan','fel','gor','hin','jas','kel','mar','nor','pel','quin','sor'])[1 + ('x' || substr(md5('b' || g), 1, 6))::bit(24)::int % 20]
                || (array['ka','lo','mi','ra','ten','vo','zu','bel','cor','dan','fel','gor','hin','jas','kel','mar','nor','pel','quin','sor'])[1 + ('x' || substr(md5('c' || g), 1, 6))::bit(24)::int % 20])
             || ' ' || (array['Labs','Systems','Holdings','Analytics','Cloud','Logistics','Foods','Energy','Media','Health',
                  'Robotics','Capital','Studios','Networks','Retail','Airways','Biotech','Motors','Security','Games','Mining',
                  'Textiles','Pharma','Insurance','Telecom'])[1 + ('x' || substr(md5('d' || g), 1, 6))::bit(24)::int % 25],
           (select id from staff where role = 'account_manager' order by email limit 1 offset 0),
           0,
           timestamptz '2023-01-01' + (g * 947 % ${tenants}) * interval '15 minutes',
           timestamptz '2026-01-01' + (g * 7919 % ${tenants}) * interval '1 minute'
    from generate_series(1, ${tenants}) g`);
  await db.execute(sql`
    insert into tenant_contacts (tenant_id, name, email)
    select t.id, 'Contact ' || t.pump_id, 'ops' || substr(t.pump_id, 6) || '@customer' || (substr(t.pump_id, 6)::int % 997) || '.example'
    from tenants t where t.pump_id ~ '^PUMP-[0-9]{7}$'`);
  await db.execute(sql`
    with numbered as (select id, row_number() over (order by pump_id) as n from tenants where pump_id ~ '^PUMP-[0-9]{7}$')
    insert into aws_accounts (tenant_id, account_id, name, email, role_arn, role_type, deployment_method, external_id,
                              verification_state, membership, pump_organization_id, other_org_id, onboarding_state)
    select n.id,
           lpad((200000000000 + g)::text, 12, '0'),
           'account-' || g,
           'aws+' || g || '@customer' || (g % 997) || '.example',
           -- m = g % 10 picks the state; every 100th account is an exception (member of another organization).
           case when g % 10 = 1 then null else 'arn:aws:iam::' || lpad((200000000000 + g)::text, 12, '0') || ':role/PumpCustomerAccess' end,
           (case when g % 3 = 0 then 'autopilot' else 'read_only' end)::role_type,
           case when g % 10 = 1 then null when g % 7 = 0 then 'manual'::deployment_method else 'cloudformation'::deployment_method end,
           'pump-' || md5('bench' || g),
           (case when g % 10 = 1 then 'unverified' when g % 33 = 0 then 'failed' when g % 101 = 0 then 'unprotected' else 'verified' end)::verification_state,
           (case when g % 100 = 0 then 'other_member' when g % 10 in (2, 3, 4) then 'pump_member' when g % 10 in (1, 9) then 'unknown' else 'standalone' end)::membership,
           case when g % 10 in (2, 3, 4) then (select id from pump_organizations order by org_id limit 1) end,
           case when g % 100 = 0 then 'o-bench' || lpad((g % 100000)::text, 8, '0') end,
           (case when g % 100 = 0 then 'exception' when g % 10 = 1 then 'link_issued' when g % 10 in (2, 3, 4) then 'joined'
                 when g % 10 = 5 then 'invited' when g % 10 = 6 then 'role_deployed' when g % 50 = 7 then 'offboarded'
                 else 'role_verified' end)::onboarding_state
    from generate_series(1, ${accounts}) g
    -- A hash scatters accounts over tenants: no tenant's states correlate with its name or Pump ID.
    join numbered n on n.n = 1 + (('x' || substr(md5('t' || g), 1, 8))::bit(32)::bigint % ${tenants})`);
  await db.execute(sql`
    update tenants t set accounts_count = c.n
    from (select tenant_id, count(*)::int as n from aws_accounts group by tenant_id) c
    where c.tenant_id = t.id and t.pump_id ~ '^PUMP-[0-9]{7}$'`);
  await db.execute(sql`
    insert into org_exceptions (aws_account_id, reason)
    select id, 'Member of another organization' from aws_accounts where onboarding_state = 'exception' and account_id like '2%'`);
  await db.execute(sql`
    insert into org_invites (aws_account_id, pump_organization_id, handshake_id, state, requested_at, expires_at)
    select a.id, (select id from pump_organizations order by org_id limit 1), 'h-bench' || substr(md5(a.account_id), 1, 12),
           case when a.onboarding_state = 'invited' then 'OPEN'::handshake_state else 'ACCEPTED'::handshake_state end,
           now() - interval '3 days', now() + interval '12 days'
    from aws_accounts a where a.account_id like '2%' and (a.onboarding_state = 'invited' or (a.onboarding_state = 'joined' and a.account_id::bigint % 20 = 0))`);
  // What autovacuum would have done by the time anyone queries: statistics and the visibility map.
  await db.execute(sql`vacuum analyze`);
}
