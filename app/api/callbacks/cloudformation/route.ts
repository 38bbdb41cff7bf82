import { after } from "next/server";
import { callbackDeps } from "@/lib/onboarding/callback-deps";
import { ingestCallback } from "@/lib/onboarding/ingest-callback";
import { processCallback, sweepOccasionally } from "@/lib/onboarding/process-callback";
import { MAX_SNS_BODY_BYTES } from "@/lib/onboarding/sns/message";

/**
 * SNS → CloudFormation custom-resource callbacks. Public by nature: the caller is AWS, and the authorization is the
 * SNS signature (pinned certificate URL, allowlisted topic, fresh timestamp) plus the onboarding token the request
 * must carry. Verified messages are stored, SNS is answered at once, and the work happens after the response.
 */
export async function POST(request: Request) {
  const raw = await readCapped(request, MAX_SNS_BODY_BYTES);
  if (raw === null) return new Response(null, { status: 413 });
  const deps = await callbackDeps();
  const result = await ingestCallback(deps, raw);
  if (result.status !== 200) {
    // Logged for the on-call engineer, never stored: a forgery must not be able to write to the database.
    console.warn(`[callback] refused with ${result.status}: ${result.reason}`);
    return new Response(null, { status: result.status });
  }
  after(async () => {
    try {
      // This message only; the sweep for anything a crash left behind runs at most once a minute per instance, so
      // a burst of callbacks does not have every request racing for every pending row.
      if (result.stored) await processCallback(deps, result.stored);
      await sweepOccasionally(deps);
    } catch (error) {
      console.error(`[callback] processing failed: ${error instanceof Error ? error.name : "error"}`);
    }
  });
  return new Response(null, { status: 200 });
}

/** The raw body (SNS posts JSON as text/plain), or null when it is larger than any SNS message can be. */
async function readCapped(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = reader ? await reader.read() : { done: true as const, value: undefined };
    if (next.done) break;
    size += next.value.length;
    if (size > limit) {
      await reader?.cancel();
      return null;
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
