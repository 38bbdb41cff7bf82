// Test helper only: the callback pipeline's dependencies on the sandbox, as the callback route builds them.
import type { Db } from "@/db/client";
import { createSandboxGateway } from "@/lib/aws/sandbox-gateway";
import { ONBOARDING_REGIONS } from "@/lib/env";
import { sandboxTopicArn } from "../sandbox-callback";

/** `onFetch` sees every certificate URL the verifier asks for (the forgery suite counts them). */
export function sandboxCallbackDeps(db: Db, onFetch?: (url: string) => void) {
  const gateway = createSandboxGateway(db);
  return {
    db,
    gateway,
    allowedTopicArns: ONBOARDING_REGIONS.map(sandboxTopicArn),
    minSignatureVersion: 2 as const,
    fetchCertificate: (url: string) => {
      onFetch?.(url);
      return gateway.fetchSnsSigningCertificate(url);
    },
  };
}
