import "server-only";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import type { AwsGateway } from "./gateway";
import { createSandboxGateway } from "./sandbox-gateway";
import { createSdkGateway } from "./sdk-gateway";

export type { AssumeRoleParams, AwsCredentials, AwsGateway, AwsSession, CallerIdentity } from "./gateway";
export { consoleSession } from "./gateway";
export { AwsDomainError, isAwsDomainError, type AwsErrorCode } from "./errors";

// One gateway per process. Kept on globalThis so Next's dev reloads reuse it (and its SDK client's sockets).
const holder = globalThis as unknown as { __pumpAwsGateway?: Promise<AwsGateway> };

/** The AWS gateway for this process: the SDK when AWS credentials are configured, else the sandbox (lib/env.ts). */
export function getAwsGateway(): Promise<AwsGateway> {
  holder.__pumpAwsGateway ??= (async (): Promise<AwsGateway> => {
    const { mode, region } = getEnv().aws;
    return mode === "sdk" ? createSdkGateway({ region }) : createSandboxGateway(await getDb());
  })().catch((error: unknown) => {
    // A failed start (e.g. the database not reachable) must not be cached for the life of the process.
    holder.__pumpAwsGateway = undefined;
    throw error;
  });
  return holder.__pumpAwsGateway;
}

/** True when AWS calls go to the sandbox: the UI shows its banner and the sandbox controls. */
export function isSandboxMode(): boolean {
  return getEnv().aws.mode === "sandbox";
}
