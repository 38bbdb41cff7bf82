/** Shown on every signed-in page while the AWS gateway is the sandbox, so nobody mistakes it for real AWS. */
export function SandboxBanner() {
  return (
    <div
      role="status"
      className="bg-amber-400 px-4 py-1.5 text-center text-sm font-semibold text-amber-950 print:hidden"
    >
      Sandbox AWS — nothing here reaches real AWS accounts. Every AWS call is simulated by the console.
    </div>
  );
}
