import Link from "next/link";
import { ownerPumpId } from "./use-form-action";

/** "Open PUMP-0042": shown under a field whose error says the value already belongs to that tenant. */
export function OwnerLink({ errors }: { errors: string[] | undefined }) {
  const pumpId = ownerPumpId(errors);
  if (!pumpId) return null;
  return (
    <Link href={`/tenants/${pumpId}`} className="text-indigo-700 underline">
      Open {pumpId}
    </Link>
  );
}
