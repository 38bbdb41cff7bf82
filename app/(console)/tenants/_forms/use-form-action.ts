import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/action";

export type FormValues = Record<string, string[]>;
type State<T> = { result: ActionResult<T> | null; values: FormValues | null; version: number };

function valuesOf(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    (values[key] ??= []).push(value);
  }
  return values;
}

/**
 * useActionState around a server action that also keeps what was submitted. React resets a form after its
 * action; the form re-mounts under `version` with the submitted values as defaults, so a field error never
 * costs the user their input.
 */
export function useFormAction<T>(action: (prev: null, form: FormData) => Promise<ActionResult<T>>) {
  return useActionState<State<T>, FormData>(
    async (prev, form) => ({ result: await action(null, form), values: valuesOf(form), version: prev.version + 1 }),
    { result: null, values: null, version: 0 },
  );
}

/** The submitted value of a field if there was a submission, else the initial one. */
export function valueOf(values: FormValues | null, key: string, initial: string | null | undefined): string {
  return values ? (values[key]?.[0] ?? "") : (initial ?? "");
}

/** Duplicate messages end with the owner's Pump ID in parentheses; the form links to that tenant. */
export function ownerPumpId(errors: string[] | undefined): string | null {
  for (const message of errors ?? []) {
    const match = /\((PUMP-\d{4,})\)\.?$/.exec(message);
    if (match) return match[1] ?? null;
  }
  return null;
}

/** The summary above the submit button: the field errors carry the details, so it does not repeat them. */
export function summaryOf(result: ActionResult<unknown> | null): string | null {
  if (!result || result.ok) return null;
  return result.fieldErrors && Object.keys(result.fieldErrors).length ? "Check the highlighted fields." : result.error;
}
