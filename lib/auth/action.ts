import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import { redact } from "@/lib/audit/redact";
import { getEnv } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { getRequestId } from "@/lib/request-id";
import { isTrustedOrigin } from "./origin";
import { can, deniedMessage, type Permission } from "./permissions";
import type { StaffPrincipal } from "./principal";
import { getStaffPrincipal } from "./session";

export type FieldErrors = Record<string, string[]>;
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

export type ActionContext = {
  actor: StaffPrincipal;
  requestId: string;
  db: Db;
  /** Writes the action's audit row; call it with the transaction that makes the change. */
  audit: (tx: Db, entry: Omit<AuditEntry, "action"> & { action?: string }) => Promise<void>;
};

type ActionConfig<S extends z.ZodType> = {
  /** Audit action name, e.g. "staff.change_role". */
  name: string;
  permission: Permission;
  schema: S;
  /** What the action targets, for denial and failure audit rows. */
  target?: (input: z.output<S>) => { type: string; id: string };
};

/** Marks functions built by `authorizedAction`, so tests can prove no action bypasses it. */
export const authorizedActionConfig = Symbol.for("pump.authorizedAction");

/** FormData → plain object (repeated keys become arrays; Next's own `$ACTION_*` fields are dropped). */
function formDataToObject(form: FormData) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/**
 * The only way to build a server action. Order: origin → session → parse (zod) → permission → run → audit.
 * Works with `useActionState` (`(prev, formData)`) and with direct calls (`(input)`).
 */
export function authorizedAction<S extends z.ZodType, T>(
  config: ActionConfig<S>,
  run: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
) {
  const action = async (...args: unknown[]): Promise<ActionResult<T>> => {
    const requestId = getRequestId();
    const db = await getDb();
    const raw = args.length >= 2 ? args[1] : args[0];
    const payload = raw instanceof FormData ? formDataToObject(raw) : raw;

    if (!isTrustedOrigin(await headers(), getEnv().appUrl.origin)) {
      await recordAudit(db, await getStaffPrincipal(), requestId, {
        action: config.name,
        outcome: "denied",
        reason: "request did not come from the console's origin",
      });
      return { ok: false, error: "This request did not come from the console, so nothing was changed." };
    }

    const actor = await getStaffPrincipal();
    if (!actor) {
      await recordAudit(db, null, requestId, { action: config.name, outcome: "denied", reason: "no session" });
      return { ok: false, error: "Your session has ended. Sign in again." };
    }

    const parsed = config.schema.safeParse(payload);
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as FieldErrors;
      return { ok: false, error: "Check the highlighted fields.", fieldErrors };
    }
    const input = parsed.data;
    const target = config.target?.(input);

    if (!can(actor.role, config.permission)) {
      await recordAudit(db, actor, requestId, {
        action: config.name,
        targetType: target?.type,
        targetId: target?.id,
        outcome: "denied",
        reason: `role ${actor.role} lacks ${config.permission}`,
      });
      return { ok: false, error: deniedMessage(config.permission) };
    }

    let audited = false;
    const ctx: ActionContext = {
      actor,
      requestId,
      db,
      audit: async (tx, entry) => {
        await recordAudit(tx, actor, requestId, {
          action: config.name,
          targetType: target?.type,
          targetId: target?.id,
          ...entry,
        });
        audited = true;
      },
    };
    try {
      const data = await run(input, ctx);
      // Every mutation leaves exactly one audit row; forgetting it is a bug, not a silent gap.
      if (!audited) throw new Error(`action ${config.name} finished without writing its audit row`);
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error);
      const expected = isDomainError(error);
      if (!expected) {
        console.error(`[${requestId}] action ${config.name} failed`, redact({ message: String(error) }));
      }
      await recordAudit(db, actor, requestId, {
        action: config.name,
        targetType: target?.type,
        targetId: target?.id,
        outcome: "failed",
        reason: expected ? error.message : "internal error",
      });
      return expected
        ? { ok: false, error: error.message, fieldErrors: error.fieldErrors }
        : { ok: false, error: `Something went wrong and nothing was changed. Reference: ${requestId}` };
    }
  };
  Object.defineProperty(action, authorizedActionConfig, {
    value: { name: config.name, permission: config.permission },
  });
  return action;
}
