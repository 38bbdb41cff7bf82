import "server-only";
import type { Db } from "@/db/client";
import { sandboxCfnResponses } from "@/db/schema";
import type { AwsGateway } from "./gateway";
import { isTrustedResponseUrl } from "./cfn-response-url";
import { AwsDomainError } from "./errors";
import { SANDBOX_SIGNING_CERT_PEM, SANDBOX_SIGNING_CERT_URL } from "./sandbox-sns-cert";

/**
 * The sandbox's side of SNS and CloudFormation: its one signing certificate (trusted nowhere else), and a record of
 * every custom-resource response, where real AWS would receive it in S3. There is no network to AWS.
 */
export function sandboxHttpOperations(
  db: Db,
): Pick<AwsGateway, "fetchSnsSigningCertificate" | "confirmSnsSubscription" | "sendCloudFormationResponse"> {
  return {
    async fetchSnsSigningCertificate(url) {
      if (url === SANDBOX_SIGNING_CERT_URL) return SANDBOX_SIGNING_CERT_PEM;
      throw new AwsDomainError({
        code: "network",
        awsErrorName: "HttpError",
        message: "The sandbox has no network to AWS: only its own signing certificate can be fetched.",
        operation: "FetchSnsCertificate",
        retryable: false,
      });
    },
    async confirmSnsSubscription() {
      // Nothing to call: the sandbox's topics are always subscribed.
    },
    async sendCloudFormationResponse(responseUrl, body) {
      if (!isTrustedResponseUrl(responseUrl)) {
        throw new AwsDomainError({
          code: "invalid_input",
          awsErrorName: "HttpError",
          message: "Refused to contact a URL outside the AWS allowlist.",
          operation: "CloudFormationResponse",
        });
      }
      await db.insert(sandboxCfnResponses).values({ responseUrl, body: JSON.parse(body) as unknown });
    },
  };
}
