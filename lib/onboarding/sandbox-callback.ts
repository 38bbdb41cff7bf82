import { randomUUID } from "node:crypto";
import { SANDBOX_SIGNING_CERT_URL, SANDBOX_SIGNING_KEY_PEM } from "@/lib/aws/sandbox-sns-cert";
import { SANDBOX_TOPIC_ACCOUNT } from "@/lib/env";
import { ROLE_NAMES } from "./policies";
import { signSnsMessage } from "./sns/sign";

export type SimulatedDeployment = {
  pumpId: string;
  accountId: string;
  region: string;
  roleType: "read_only" | "autopilot";
  externalId: string;
  token: string;
  requestType?: "Create" | "Update" | "Delete";
  /** Reuse to model retries or later requests for the same stack. */
  stackId?: string;
  requestId?: string;
  messageId?: string;
};

export const sandboxTopicArn = (region: string) =>
  `arn:aws:sns:${region}:${SANDBOX_TOPIC_ACCOUNT}:pump-role-registration`;
export const simulatedRoleArn = (accountId: string, roleType: SimulatedDeployment["roleType"]) =>
  `arn:aws:iam::${accountId}:role/${ROLE_NAMES[roleType]}`;

/**
 * The SNS notification AWS would deliver for the customer's stack: a CloudFormation custom-resource request, signed
 * as SNS signs (SignatureVersion 2) with the sandbox's key, whose certificate only the sandbox gateway serves.
 */
export function sandboxCallbackBody(d: SimulatedDeployment): {
  body: string;
  messageId: string;
  stackId: string;
  requestId: string;
} {
  const stackId =
    d.stackId ??
    `arn:aws:cloudformation:${d.region}:${d.accountId}:stack/Pump-${d.pumpId}-${d.roleType === "read_only" ? "ReadOnly" : "Autopilot"}/${randomUUID()}`;
  const requestId = d.requestId ?? randomUUID();
  const messageId = d.messageId ?? randomUUID();
  const bucketRegion = d.region.replace(/-/g, "");
  const request = {
    RequestType: d.requestType ?? "Create",
    ServiceToken: sandboxTopicArn(d.region),
    ResponseURL: `https://cloudformation-custom-resource-response-${bucketRegion}.s3.amazonaws.com/${encodeURIComponent(`${stackId}|Registration|${requestId}`)}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=7200&X-Amz-Signature=sandbox`,
    StackId: stackId,
    RequestId: requestId,
    ResourceType: "Custom::PumpRoleRegistration",
    LogicalResourceId: "Registration",
    ...(d.requestType && d.requestType !== "Create"
      ? { PhysicalResourceId: `PumpRoleRegistration-${d.accountId}` }
      : {}),
    ResourceProperties: {
      ServiceToken: sandboxTopicArn(d.region),
      PumpId: d.pumpId,
      RoleArn: simulatedRoleArn(d.accountId, d.roleType),
      ExternalId: d.externalId,
      AccountId: d.accountId,
      RoleType: d.roleType,
      OnboardingToken: d.token,
    },
  };
  const body = signSnsMessage(
    {
      Type: "Notification",
      MessageId: messageId,
      TopicArn: sandboxTopicArn(d.region),
      Subject: "AWS CloudFormation custom resource request",
      Message: JSON.stringify(request),
      Timestamp: new Date().toISOString(),
      UnsubscribeURL: `https://sns.${d.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${sandboxTopicArn(d.region)}:${randomUUID()}`,
    },
    { privateKeyPem: SANDBOX_SIGNING_KEY_PEM, signatureVersion: 2, signingCertUrl: SANDBOX_SIGNING_CERT_URL },
  );
  return { body, messageId, stackId, requestId };
}
