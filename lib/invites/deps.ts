import "server-only";
import { getAwsGateway } from "@/lib/aws";
import type { ActionContext } from "@/lib/auth/action";
import type { InviteDeps } from "./send-invite";
import type { ReconcileDeps } from "./reconcile";

/** The invite services' dependencies for a staff member's action: their session names, their audit rows. */
export async function inviteDepsFor(ctx: ActionContext): Promise<InviteDeps> {
  return {
    db: ctx.db,
    gateway: await getAwsGateway(),
    staff: ctx.actor,
    requestedBy: ctx.actor.email,
    audit: ctx.audit,
  };
}

export async function reconcileDepsFor(ctx: ActionContext, concludeStuck: boolean): Promise<ReconcileDeps> {
  return {
    db: ctx.db,
    gateway: await getAwsGateway(),
    staff: ctx.actor,
    actor: ctx.actor,
    requestId: ctx.requestId,
    // A sync only follows AWS; concluding that an intent never reached AWS is the reconciler's call.
    stuckAfterMs: concludeStuck ? undefined : Number.POSITIVE_INFINITY,
  };
}
