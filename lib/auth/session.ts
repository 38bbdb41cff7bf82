import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { sessionCookie } from "./cookies";
import type { StaffPrincipal } from "./principal";
import { resolveStaffSession } from "./sessions";

/**
 * The signed-in staff member for this request, or null. The cookie only names a session row; role and disabled
 * flag are re-read from the database (once per request, thanks to `cache`).
 */
export const getStaffPrincipal = cache(async (): Promise<StaffPrincipal | null> => {
  // cookies() first: it marks the page dynamic, so nothing here ever runs at build time.
  const jar = await cookies();
  const env = getEnv();
  const raw = jar.get(sessionCookie(env).name)?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: env.authSecret }).catch(() => null);
  if (typeof token?.sid !== "string") return null;
  const result = await resolveStaffSession(await getDb(), token.sid);
  return result.ok ? result.principal : null;
});
