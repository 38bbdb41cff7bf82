"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

export function OidcSignInButton({ name }: { name: string }) {
  return (
    <Button className="w-full" onClick={() => signIn("oidc", { callbackUrl: "/" })}>
      Sign in with {name}
    </Button>
  );
}

type Choice = { email: string; label: string };

export function LocalSignInForm({ choices }: { choices: Choice[] }) {
  const [email, setEmail] = useState(choices[0]?.email ?? "");
  const [pending, setPending] = useState(false);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setPending(true);
        void signIn("local", { email, callbackUrl: "/" });
      }}
    >
      <div>
        <h2 className="text-sm font-semibold text-slate-900">Local sign-in</h2>
        <p className="text-xs text-slate-500">Development and test only; never offered in production.</p>
      </div>
      <SelectField
        label="Staff member"
        name="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        options={choices.map((c) => ({ value: c.email, label: c.label }))}
      />
      <Button type="submit" className="w-full" disabled={pending || !email}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
