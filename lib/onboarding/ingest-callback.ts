import "server-only";
import type { Db } from "@/db/client";
import { callbackMessages } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { AwsGateway } from "@/lib/aws";
import { isAwsDomainError } from "@/lib/aws/errors";
import { parseStrictJson } from "./sns/strict-json";
import { isTrustedSubscribeUrl } from "@/lib/aws/sns-urls";
import type { SnsMessage } from "./sns/message";
import { verifySnsMessage } from "./sns/verify";
import { cfnRequestSchema } from "./cfn-request";
import { isTrustedResponseUrl } from "@/lib/aws/cfn-response-url";

export type IngestResult =
  { status: 200; stored?: string } | { status: 400; reason: string } | { status: 503; reason: string };

type Deps = {
  db: Db;
  gateway: AwsGateway;
  allowedTopicArns: readonly string[];
  minSignatureVersion: 1 | 2;
  fetchCertificate: (url: string) => Promise<string>;
  now?: Date;
};

/**
 * Step one of the callback: verify, then persist, and nothing else, so SNS gets its answer within two seconds.
 * A forged or malformed message writes nothing and contacts nothing beyond the pinned certificate URL.
 * 4xx = permanently invalid (SNS stops retrying); 5xx = transient (SNS retries with the same MessageId).
 */
export async function ingestCallback(deps: Deps, raw: string): Promise<IngestResult> {
  let fetchError: unknown;
  const verdict = await verifySnsMessage(raw, {
    allowedTopicArns: deps.allowedTopicArns,
    minSignatureVersion: deps.minSignatureVersion,
    now: deps.now ?? new Date(),
    fetchCertificate: (url) =>
      deps.fetchCertificate(url).catch((error: unknown) => {
        fetchError = error;
        throw error;
      }),
  });
  if (!verdict.ok) {
    // A certificate AWS does not have (404) or the sandbox cannot serve is permanent: SNS must not retry it, and a
    // forger must not be able to provoke 5xx. Only a transient fetch failure (timeout, 5xx) asks SNS to retry.
    const transient = verdict.retryable && !(isAwsDomainError(fetchError) && !fetchError.retryable);
    return transient
      ? { status: 503, reason: verdict.reason }
      : { status: 400, reason: `${verdict.reason}: ${verdict.detail}` };
  }
  return handleVerified(deps, verdict.message);
}

async function handleVerified(deps: Deps, message: SnsMessage): Promise<IngestResult> {
  if (message.Type === "SubscriptionConfirmation") {
    // Only reached for allowlisted topics (checked during verification); the URL is pinned to that topic.
    if (!isTrustedSubscribeUrl(message.SubscribeURL, message.TopicArn))
      return { status: 400, reason: "untrusted SubscribeURL" };
    await deps.gateway.confirmSnsSubscription(message.SubscribeURL);
    await recordAudit(deps.db, { system: "sns" }, `sns:${message.MessageId}`, {
      action: "onboarding.sns_subscription_confirmed",
      targetType: "sns_topic",
      targetId: message.TopicArn,
    });
    return { status: 200 };
  }
  if (message.Type === "UnsubscribeConfirmation") {
    // Verified, so it really is AWS: the console will stop receiving callbacks from this topic. Someone must look.
    await recordAudit(deps.db, { system: "sns" }, `sns:${message.MessageId}`, {
      action: "onboarding.sns_unsubscribed",
      targetType: "sns_topic",
      targetId: message.TopicArn,
      reason: "The console's subscription to this topic was removed; callbacks from it will stop.",
    });
    return { status: 200 };
  }

  const json = parseStrictJson(message.Message);
  const request = json.ok ? cfnRequestSchema.safeParse(json.value) : null;
  if (!request?.success)
    return { status: 400, reason: "the notification is not a CloudFormation custom-resource request" };
  if (!isTrustedResponseUrl(request.data.ResponseURL))
    return { status: 400, reason: "ResponseURL outside the AWS response buckets" };

  const [stored] = await deps.db
    .insert(callbackMessages)
    .values({
      snsMessageId: message.MessageId,
      topicArn: message.TopicArn,
      requestType: request.data.RequestType,
      stackId: request.data.StackId,
      requestId: request.data.RequestId,
      logicalResourceId: request.data.LogicalResourceId,
      request: request.data,
    })
    // A redelivery (same MessageId) or the same CloudFormation request again: already stored, nothing to do.
    .onConflictDoNothing()
    .returning({ id: callbackMessages.id });
  return { status: 200, stored: stored?.id };
}
