import "server-only";
import { forbidden, redirect } from "next/navigation";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { getRequestId, newRequestId } from "@/lib/request-id";
import { can, deniedMessage, type Permission } from "./permissions";
import type { StaffPrincipal } from "./principal";
import { getStaffPrincipal } from "./session";

async function auditDenial(actor: StaffPrincipal, permission: Permission, requestId: string, where: string) {
  await recordAudit(await getDb(), actor, requestId, {
    action: "access.denied",
    targetType: "permission",
    targetId: permission,
    outcome: "denied",
    reason: where,
  });
}

/**
 * For pages: the signed-in staff member if their role (re-read from the database) holds `permission`.
 * No session → sign-in page; a denial is audited and renders the 403 page with a plain message.
 */
export async function requirePermission(permission: Permission, where = "page"): Promise<StaffPrincipal> {
  const actor = await getStaffPrincipal();
  if (!actor) redirect("/sign-in");
  if (!can(actor.role, permission)) {
    await auditDenial(actor, permission, getRequestId(), where);
    forbidden();
  }
  return actor;
}

/** The signed-in staff member, whatever their role (the shell's layout and the home redirect). */
export async function requireSignedIn(): Promise<StaffPrincipal> {
  const actor = await getStaffPrincipal();
  if (!actor) redirect("/sign-in");
  return actor;
}

export type RouteAuthorization =
  { ok: true; actor: StaffPrincipal; requestId: string } | { ok: false; response: NextResponse };

/** For route handlers: 401 without a session, 403 (audited) without the permission. */
export async function authorizeRoute(permission: Permission, where: string): Promise<RouteAuthorization> {
  const requestId = newRequestId();
  const actor = await getStaffPrincipal();
  if (!actor) {
    return { ok: false, response: NextResponse.json({ error: "Sign in to continue." }, { status: 401 }) };
  }
  if (!can(actor.role, permission)) {
    await auditDenial(actor, permission, requestId, where);
    return { ok: false, response: NextResponse.json({ error: deniedMessage(permission) }, { status: 403 }) };
  }
  return { ok: true, actor, requestId };
}
