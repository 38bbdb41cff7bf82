"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors, inputClass } from "@/components/ui/field";

type Contact = { name: string; email: string };

/** Contact rows posted as repeated `contactName`/`contactEmail` fields, in order. */
export function ContactsFieldset({ initial, errors }: { initial: Contact[]; errors?: string[] }) {
  const [rows, setRows] = useState(() =>
    (initial.length ? initial : [{ name: "", email: "" }]).map((c, i) => ({ ...c, key: i })),
  );
  const add = () => setRows((r) => [...r, { name: "", email: "", key: Math.max(-1, ...r.map((x) => x.key)) + 1 }]);
  const remove = (key: number) => setRows((r) => r.filter((x) => x.key !== key));
  return (
    <fieldset className="space-y-2" aria-describedby={errors?.length ? "contacts-error" : undefined}>
      <legend className="text-sm font-medium text-slate-800">Contacts</legend>
      {rows.map((row, i) => (
        <div key={row.key} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-center">
          <label className="sr-only" htmlFor={`contact-name-${row.key}`}>
            Contact {i + 1} name
          </label>
          <input
            id={`contact-name-${row.key}`}
            name="contactName"
            defaultValue={row.name}
            placeholder="Name"
            className={inputClass}
          />
          <label className="sr-only" htmlFor={`contact-email-${row.key}`}>
            Contact {i + 1} email
          </label>
          <input
            id={`contact-email-${row.key}`}
            name="contactEmail"
            type="email"
            defaultValue={row.email}
            placeholder="name@company.example"
            className={inputClass}
          />
          <Button size="sm" variant="ghost" onClick={() => remove(row.key)} disabled={rows.length === 1}>
            Remove<span className="sr-only"> contact {i + 1}</span>
          </Button>
        </div>
      ))}
      <Button size="sm" variant="secondary" onClick={add}>
        Add contact
      </Button>
      <FieldErrors id="contacts-error" errors={errors} />
    </fieldset>
  );
}
