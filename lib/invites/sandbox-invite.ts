import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orgInvites } from "@/db/schema";
import { DomainError } from "@/lib/errors";

/** The handshake behind a Pump invite, for the sandbox's "customer accepts / declines" controls. */
export async function sandboxInvite(db: Db, inviteId: string) {
  const [row] = await db.select().from(orgInvites).where(eq(orgInvites.id, inviteId));
  if (!row?.handshakeId) throw new DomainError("That invite has no AWS handshake to answer.");
  return { handshakeId: row.handshakeId, pumpOrganizationId: row.pumpOrganizationId };
}
