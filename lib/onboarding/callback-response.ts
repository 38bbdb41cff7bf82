import { createHash } from "node:crypto";
import type { CfnRequest } from "./cfn-request";
import { MAX_RESPONSE_BYTES } from "@/lib/aws/cfn-response-url";

export type CfnOutcome = { status: "SUCCESS" | "FAILED"; reason: string; data?: Record<string, string> };

/**
 * The body PUT to CloudFormation. PhysicalResourceId is stable for the resource (the one CloudFormation sent, or a
 * hash of stack + logical id): a different value on Update would make CloudFormation replace — and Delete — it.
 */
export function responseBody(request: CfnRequest, outcome: CfnOutcome): string {
  const physicalId =
    request.PhysicalResourceId ??
    `PumpRoleRegistration-${createHash("sha256").update(`${request.StackId}|${request.LogicalResourceId}`).digest("hex").slice(0, 24)}`;
  const body = (reason: string) =>
    JSON.stringify({
      Status: outcome.status,
      Reason: reason,
      PhysicalResourceId: physicalId,
      StackId: request.StackId,
      RequestId: request.RequestId,
      LogicalResourceId: request.LogicalResourceId,
      NoEcho: false,
      ...(outcome.data ? { Data: outcome.data } : {}),
    });
  // CloudFormation refuses bodies over 4,096 bytes: shorten the reason, never the identifiers.
  let reason = outcome.reason;
  while (Buffer.byteLength(body(reason)) > MAX_RESPONSE_BYTES && reason.length > 0)
    reason = `${reason.slice(0, Math.floor(reason.length * 0.8))}…`;
  return body(reason);
}
