import "server-only";
import { AwsDomainError } from "./errors";

type Request = {
  operation: string;
  method: "GET" | "PUT";
  url: string;
  /** The caller's allowlist, checked again here: this module never contacts a host it was not told to trust. */
  allow: (url: string) => boolean;
  body?: string;
  headers?: Record<string, string>;
  maxResponseBytes: number;
};

const fail = (
  operation: string,
  code: "invalid_input" | "network" | "service_error",
  message: string,
  httpStatus?: number,
) => new AwsDomainError({ code, awsErrorName: "HttpError", message, operation, httpStatus });

/**
 * The console's only raw HTTPS client, for the AWS endpoints that are plain URLs rather than SDK calls (SNS
 * signing certificates and subscription confirmation, CloudFormation's pre-signed response URL). No redirects are
 * followed, every request times out after 10 s, and response bodies are capped.
 */
export async function awsHttps(r: Request): Promise<string> {
  if (!r.allow(r.url)) throw fail(r.operation, "invalid_input", "Refused to contact a URL outside the AWS allowlist.");
  let response: Response;
  try {
    response = await fetch(r.url, {
      method: r.method,
      body: r.body,
      headers: r.headers,
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw fail(
      r.operation,
      "network",
      `Could not reach AWS (${error instanceof Error ? error.name : "network error"}). It will be retried.`,
    );
  }
  if (response.status >= 300) {
    const code = response.status >= 500 ? "service_error" : "invalid_input";
    throw fail(
      r.operation,
      code,
      `AWS answered HTTP ${response.status}${response.status < 400 ? " (redirects are not followed)" : ""}.`,
      response.status,
    );
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = reader ? await reader.read() : { done: true as const, value: undefined };
    if (next.done) break;
    size += next.value.length;
    if (size > r.maxResponseBytes) {
      await reader?.cancel();
      throw fail(r.operation, "invalid_input", "AWS's answer was larger than expected; it was not read.");
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
