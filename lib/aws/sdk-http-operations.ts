import "server-only";
import type { AwsGateway } from "./gateway";
import { AwsDomainError } from "./errors";
import { awsHttps } from "./https";
import { isTrustedResponseUrl, MAX_RESPONSE_BYTES } from "./cfn-response-url";
import { isTrustedSigningCertUrl, isTrustedSubscribeUrl, MAX_CERTIFICATE_PEM_BYTES } from "./sns-urls";

const topicOf = (subscribeUrl: string) => new URL(subscribeUrl).searchParams.get("TopicArn") ?? "";

/** The real gateway's plain-HTTPS AWS calls, each behind its own URL allowlist. */
export const sdkHttpOperations: Pick<
  AwsGateway,
  "fetchSnsSigningCertificate" | "confirmSnsSubscription" | "sendCloudFormationResponse"
> = {
  fetchSnsSigningCertificate: (url) =>
    awsHttps({
      operation: "FetchSnsCertificate",
      method: "GET",
      url,
      allow: isTrustedSigningCertUrl,
      maxResponseBytes: MAX_CERTIFICATE_PEM_BYTES,
    }),

  async confirmSnsSubscription(subscribeUrl) {
    await awsHttps({
      operation: "ConfirmSubscription",
      method: "GET",
      url: subscribeUrl,
      allow: (u) => isTrustedSubscribeUrl(u, topicOf(u)),
      maxResponseBytes: 64 * 1024,
    });
  },

  async sendCloudFormationResponse(responseUrl, body) {
    if (Buffer.byteLength(body) > MAX_RESPONSE_BYTES) {
      throw new AwsDomainError({
        code: "invalid_input",
        awsErrorName: "HttpError",
        message: "The CloudFormation response exceeds 4,096 bytes.",
        operation: "CloudFormationResponse",
      });
    }
    // S3 pre-signed PUT: the content type must be empty, as CloudFormation signed it.
    await awsHttps({
      operation: "CloudFormationResponse",
      method: "PUT",
      url: responseUrl,
      allow: isTrustedResponseUrl,
      body,
      headers: { "content-type": "" },
      maxResponseBytes: 64 * 1024,
    });
  },
};
