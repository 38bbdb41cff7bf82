// Test helper only, run by lib/invites/crash.pg.test.ts in a process of its own, which the test SIGKILLs:
//   node --conditions=react-server --import tsx lib/invites/testing/crash-child.ts <database-url> <aws-account-uuid> <stage>
// It sends one invitation through the real service, on the sandbox, and freezes at `stage`:
//   before-aws  the intent is committed, InviteAccountToOrganization not yet called
//   after-aws   AWS (the sandbox) created the handshake; Pump has not recorded the answer
// The marker line on stdout tells the test where it stopped (and the handshake AWS created).
import { openDatabase } from "@/db/client";
import type { AwsGateway } from "@/lib/aws";
import { createSandboxGateway } from "@/lib/aws/sandbox-gateway";
import { inviteDeps } from "./invite-test-kit";
import { sendInvite } from "../send-invite";

const [url, awsAccountId, stage] = process.argv.slice(2);
if (!url || !awsAccountId || (stage !== "before-aws" && stage !== "after-aws")) {
  console.error("usage: crash-child.ts <database-url> <aws-account-uuid> before-aws|after-aws");
  process.exit(2);
}
// The same guard as the tests': never anything but a local server.
if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname)) process.exit(2);

// Keeps the process alive while it is frozen, so only the SIGKILL ends it.
setInterval(() => undefined, 1 << 30);
const freeze = (marker: string) => {
  process.stdout.write(`CRASH-POINT ${process.pid} ${marker}\n`);
  return new Promise<never>(() => undefined);
};

const { db } = await openDatabase({ driver: "pg", url });
const sandbox = createSandboxGateway(db);
const gateway: AwsGateway = {
  ...sandbox,
  async inviteAccount(as, p) {
    if (stage === "before-aws") return freeze("before-aws");
    const handshake = await sandbox.inviteAccount(as, p);
    return freeze(`after-aws ${handshake.id}`);
  },
};
await sendInvite(inviteDeps(db, gateway), { awsAccountId, source: "single" });
console.error("crash-child: sendInvite returned, but it should have frozen");
process.exit(3);
