import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { getEnv } from "@/lib/env";
import { newRequestId } from "@/lib/request-id";
import { sessionCookie } from "./cookies";
import { ABSOLUTE_TIMEOUT_MS, endStaffSession, findStaffForSignIn, startStaffSession } from "./sessions";

type OidcProfile = { sub: string; email?: string; name?: string; email_verified?: boolean | string };

async function refuseSignIn(email: string, reason: string) {
  const db = await getDb();
  await recordAudit(db, null, newRequestId(), {
    action: "auth.sign_in",
    targetType: "staff_email",
    targetId: email,
    outcome: "denied",
    reason,
  });
  return false;
}

export function authOptions(): NextAuthOptions {
  const env = getEnv();
  const cookie = sessionCookie(env);
  const providers: NextAuthOptions["providers"] = [];

  if (env.oidc) {
    const oidc: OAuthConfig<OidcProfile> = {
      id: "oidc",
      name: env.oidc.name,
      type: "oauth",
      wellKnown: `${env.oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.oidc.clientId,
      clientSecret: env.oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      profile: (p) => ({ id: p.sub, email: p.email ?? null, name: p.name ?? p.email ?? null }),
    };
    providers.push(oidc);
  }

  if (env.localSignIn) {
    providers.push(
      CredentialsProvider({
        id: "local",
        name: "Local sign-in (development and test only)",
        credentials: { email: { label: "Staff email", type: "email" } },
        async authorize(credentials) {
          // Belt and braces: the provider is not even registered in production.
          if (!getEnv().localSignIn || !credentials?.email) return null;
          const member = await findStaffForSignIn(await getDb(), credentials.email);
          if (!member || member.disabledAt) {
            await refuseSignIn(
              credentials.email,
              member ? "staff member is disabled" : "no staff member with this email",
            );
            return null;
          }
          return { id: member.id, email: member.email, name: member.name };
        },
      }),
    );
  }

  return {
    secret: env.authSecret,
    providers,
    pages: { signIn: "/sign-in", error: "/sign-in" },
    session: { strategy: "jwt", maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
    jwt: { maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
    useSecureCookies: cookie.secure,
    cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const email = user.email ?? "";
        const p = profile as OidcProfile | undefined;
        // Only a verified email identifies a staff member; an unverified one could be anyone's.
        if (p?.email_verified !== true && p?.email_verified !== "true") {
          return refuseSignIn(email, "identity provider did not verify the email");
        }
        const member = await findStaffForSignIn(await getDb(), email);
        if (!member) return refuseSignIn(email, "no staff member with this email");
        if (member.disabledAt) return refuseSignIn(email, "staff member is disabled");
        return true;
      },
      async jwt({ token, user }) {
        if (!user) return token;
        // First call after sign-in: open a server-side session. The cookie carries only its id.
        const db = await getDb();
        const member = await findStaffForSignIn(db, user.email ?? "");
        if (!member || member.disabledAt) throw new Error("staff member vanished during sign-in");
        const sid = await startStaffSession(db, member.id);
        await recordAudit(db, member, newRequestId(), {
          action: "auth.sign_in",
          targetType: "staff",
          targetId: member.id,
        });
        return { sid, sub: member.id };
      },
      session({ session }) {
        // Nothing from the token reaches the browser beyond the expiry.
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid !== "string") return;
        const db = await getDb();
        await endStaffSession(db, token.sid);
        await recordAudit(db, null, newRequestId(), {
          action: "auth.sign_out",
          targetType: "staff",
          targetId: typeof token.sub === "string" ? token.sub : undefined,
        });
      },
    },
  };
}
