"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/action";
import { addStaff } from "@/lib/staff/actions";
import { roleOptions } from "./role-options";

export function AddStaffForm() {
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(addStaff, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      ref={form}
      action={action}
      aria-label="Add staff member"
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 className="mb-3 text-sm font-semibold text-slate-900">Add a staff member</h2>
      <div className="grid gap-3 sm:grid-cols-[2fr_2fr_1fr_auto] sm:items-start">
        <TextField label="Email" name="email" type="email" required autoComplete="off" errors={errors?.email} />
        <TextField label="Name" name="name" required errors={errors?.name} />
        <SelectField label="Role" name="role" options={roleOptions} defaultValue="support" errors={errors?.role} />
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? "Adding…" : "Add"}
        </Button>
      </div>
      <div className="mt-3 empty:hidden">
        {state?.ok ? <Alert tone="success">Staff member added. They can sign in now.</Alert> : null}
        {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
      </div>
    </form>
  );
}
