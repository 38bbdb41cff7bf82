import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { callbackMessages } from "@/db/schema";
import { applyCreateOrUpdate, applyDelete, type CallbackDeps } from "./apply-callback";
import { responseBody, type CfnOutcome } from "./callback-response";
import { cfnRequestSchema } from "./cfn-request";

const MAX_ATTEMPTS = 5;
const STALE_AFTER_MS = 5 * 60 * 1000;

/**
 * Step two, after SNS has its answer: claim the stored message (exactly one processor wins), apply it, then answer
 * CloudFormation. The answer is recorded before the PUT and its delivery after; a message whose answer was decided
 * but not delivered is only re-sent, never re-applied.
 */
export async function processCallback(deps: CallbackDeps, messageId: string): Promise<void> {
  const [msg] = await deps.db
    .update(callbackMessages)
    .set({ status: "processing", attempts: sql`${callbackMessages.attempts} + 1` })
    .where(and(eq(callbackMessages.id, messageId), eq(callbackMessages.status, "received")))
    .returning();
  if (!msg) return; // someone else has it, or it is done
  const request = cfnRequestSchema.parse(msg.request);
  try {
    let outcome: CfnOutcome;
    if (msg.responseStatus) {
      outcome = { status: msg.responseStatus as CfnOutcome["status"], reason: msg.responseReason ?? "" };
    } else {
      outcome =
        request.RequestType === "Delete"
          ? await applyDelete(deps, msg, request)
          : await applyCreateOrUpdate(deps, msg, request);
      await deps.db
        .update(callbackMessages)
        .set({ responseStatus: outcome.status, responseReason: outcome.reason })
        .where(eq(callbackMessages.id, msg.id));
    }
    await deps.gateway.sendCloudFormationResponse(request.ResponseURL, responseBody(request, outcome));
    await deps.db
      .update(callbackMessages)
      .set({ status: "processed", respondedAt: new Date(), processedAt: new Date() })
      .where(eq(callbackMessages.id, msg.id));
  } catch (error) {
    console.error(
      `[callback ${msg.snsMessageId}] processing failed (attempt ${msg.attempts}): ${error instanceof Error ? error.name : "error"}`,
    );
    // Give it back for the reconciler, up to a limit; then it waits for a person (status failed).
    await deps.db
      .update(callbackMessages)
      .set({ status: msg.attempts >= MAX_ATTEMPTS ? "failed" : "received" })
      .where(eq(callbackMessages.id, msg.id));
  }
}

/** Processes every message still waiting, and takes back claims whose processor died. Script- and route-callable. */
export async function processPendingCallbacks(deps: CallbackDeps): Promise<number> {
  await deps.db
    .update(callbackMessages)
    .set({ status: "received" })
    .where(
      and(
        eq(callbackMessages.status, "processing"),
        lt(callbackMessages.receivedAt, new Date(Date.now() - STALE_AFTER_MS)),
      ),
    );
  const pending = await deps.db
    .select({ id: callbackMessages.id })
    .from(callbackMessages)
    .where(eq(callbackMessages.status, "received"))
    .orderBy(callbackMessages.receivedAt)
    .limit(100);
  for (const { id } of pending) await processCallback(deps, id);
  return pending.length;
}

const sweep = globalThis as unknown as { __pumpCallbackSweepAt?: number };

/** processPendingCallbacks, at most once a minute per process: the safety net, not the main path. */
export async function sweepOccasionally(deps: CallbackDeps): Promise<void> {
  const now = Date.now();
  if (sweep.__pumpCallbackSweepAt && now - sweep.__pumpCallbackSweepAt < 60_000) return;
  sweep.__pumpCallbackSweepAt = now;
  await processPendingCallbacks(deps);
}
