import "server-only";
import { getDb } from "@/db/client";
import { getAwsGateway, type AwsGateway } from "@/lib/aws";
import { getEnv } from "@/lib/env";
import { createCertificateFetcher, type CertificateFetcher } from "./sns/cert-cache";

// One certificate cache per process: SNS signs with a handful of certificates that change rarely.
const holder = globalThis as unknown as { __pumpCertFetcher?: { gateway: AwsGateway; fetch: CertificateFetcher } };

function certificateFetcher(gateway: AwsGateway): CertificateFetcher {
  if (holder.__pumpCertFetcher?.gateway !== gateway) {
    holder.__pumpCertFetcher = {
      gateway,
      fetch: createCertificateFetcher({
        fetchPem: (url) => gateway.fetchSnsSigningCertificate(url),
        ttlMs: 60 * 60 * 1000,
        maxEntries: 32,
      }),
    };
  }
  return holder.__pumpCertFetcher.fetch;
}

/** Everything the callback pipeline needs, from configuration. */
export async function callbackDeps() {
  const env = getEnv();
  const [db, gateway] = await Promise.all([getDb(), getAwsGateway()]);
  return {
    db,
    gateway,
    allowedTopicArns: env.onboarding.callbackTopicArns,
    minSignatureVersion: env.onboarding.minSignatureVersion,
    fetchCertificate: certificateFetcher(gateway),
    // Real IAM needs a few seconds before a brand-new role can be assumed; the sandbox does not.
    verifyRetryDelaysMs: gateway.mode === "sdk" ? [2000, 4000, 8000] : [],
  };
}
