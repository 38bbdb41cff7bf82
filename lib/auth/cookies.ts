import type { Env } from "@/lib/env";

/**
 * Cookie names and flags. Over HTTPS the session cookie is `__Host-` prefixed (Secure, Path=/, no Domain: it cannot
 * be set or read by a sibling subdomain). Plain http is only ever localhost development.
 */
export function sessionCookie(env: Env) {
  const secure = env.appUrl.protocol === "https:";
  return {
    secure,
    name: `${secure ? "__Host-" : ""}pump.session`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
