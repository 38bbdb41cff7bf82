"use client";

import { signOut } from "next-auth/react";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

export function SignOutButton() {
  // Disabled until hydrated: a click before then would do nothing and look like a broken sign-out.
  // (false while server-rendering, true once hydrated.)
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <button
      type="button"
      disabled={!ready}
      onClick={() => signOut({ callbackUrl: "/sign-in" })}
      className="rounded-md px-2 py-1 text-xs font-medium text-slate-300 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-indigo-400 disabled:opacity-50"
    >
      Sign out
    </button>
  );
}
