import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, orgInvites, pumpOrganizations } from "@/db/schema";
import { seededTestDatabase } from "@/db/testing/seeded-test-database";
import { testDatabaseKind } from "@/db/testing/test-database";
import { signInAs } from "@/lib/auth/testing/test-kit";

const { previewBulkInvite, queueBulkInvites, sendQueuedInvite } = await import("./actions");

const database = seededTestDatabase();

/**
 * The bulk page's sequence through the real actions (wrapper included: origin, session, zod, permission, audit):
 * Initrode's 30 verified accounts into Pump Europe, whose daily limit is 20.
 */
describe(`bulk invite through the actions (${testDatabaseKind()})`, () => {
  it("previews 20 now and 10 waiting, refuses a wrong count, then sends 20 and reports the 21st as held, audited", async () => {
    await signInAs(database.db, "support");
    const [europe] = await database.db
      .select({ id: pumpOrganizations.id })
      .from(pumpOrganizations)
      .where(eq(pumpOrganizations.name, "Pump Europe"));
    const preview = await previewBulkInvite({ pumpIds: ["PUMP-0054"], pumpOrganizationId: europe!.id });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.rows).toHaveLength(30);
    expect(preview.data).toMatchObject({ sendNow: 20, wait: 10 });

    const awsAccountIds = preview.data.rows.map((r) => r.awsAccountId!);
    const wrong = await queueBulkInvites({
      awsAccountIds,
      pumpOrganizationId: europe!.id,
      acknowledgeTransfer: false,
      confirmCount: "20",
    });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { confirmCount: [expect.any(String)] } });

    const queued = await queueBulkInvites({
      awsAccountIds,
      pumpOrganizationId: europe!.id,
      acknowledgeTransfer: false,
      confirmCount: "30",
    });
    if (!queued.ok) throw new Error(queued.error);
    expect(queued.data.every((q) => q.result === "queued")).toBe(true);

    const outcomes = [];
    for (const q of queued.data.slice(0, 21)) outcomes.push(await sendQueuedInvite({ inviteId: q.inviteId }));
    expect(outcomes.slice(0, 20).every((o) => o.ok && o.data.kind === "sent")).toBe(true);
    // The 21st changes nothing (still queued), and the action still answers with what happened, not an error.
    expect(outcomes[20]).toMatchObject({
      ok: true,
      data: { kind: "queued", detail: expect.stringContaining("daily invitation limit") },
    });

    const invites = await database.db
      .select({ phase: orgInvites.phase })
      .from(orgInvites)
      .where(eq(orgInvites.pumpOrganizationId, europe!.id));
    expect(invites.filter((i) => i.phase === "sent")).toHaveLength(20);
    expect(invites.filter((i) => i.phase === "queued")).toHaveLength(10);
    const held = await database.db
      .select({ after: auditEvents.after, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "invites.send"), eq(auditEvents.targetId, queued.data[20]!.awsAccountId)));
    expect(held).toEqual([
      { outcome: "ok", after: expect.objectContaining({ result: "queued", inviteId: queued.data[20]!.inviteId }) },
    ]);
  });
});
