import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db/client";
import { getStaffPrincipal } from "@/lib/auth/session";
import { listSignInChoices } from "@/lib/auth/sign-in-choices";
import { getEnv } from "@/lib/env";
import { LocalSignInForm, OidcSignInButton } from "./sign-in-forms";

export const metadata: Metadata = { title: "Sign in" };

const errors: Record<string, string> = {
  AccessDenied:
    "That account can't sign in to the console: it isn't on the staff list, is disabled, or its email isn't verified.",
  CredentialsSignin: "That staff member can't sign in: unknown or disabled.",
  SessionRequired: "Sign in to continue.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await getStaffPrincipal()) redirect("/");
  const env = getEnv();
  const { error } = await searchParams;
  // Only outside production, where the local sign-in exists: the list of seeded staff to pick from.
  const choices = env.localSignIn ? await listSignInChoices(await getDb()) : [];

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Pump Console</h1>
      <p className="mt-1 text-sm text-slate-600">Staff sign-in. Customer onboarding into AWS, for Pump staff only.</p>
      <div className="mt-8 space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {error ? <Alert tone="error">{errors[error] ?? "Sign-in failed. Try again."}</Alert> : null}
        {env.oidc ? <OidcSignInButton name={env.oidc.name} /> : null}
        {env.localSignIn ? <LocalSignInForm choices={choices} /> : null}
        {!env.oidc && !env.localSignIn ? (
          <Alert tone="error">
            No sign-in method is configured. Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.
          </Alert>
        ) : null}
      </div>
    </main>
  );
}
