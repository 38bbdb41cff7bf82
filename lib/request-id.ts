import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";

/**
 * One id per request, shared by every audit row and log line the request writes. Generated here rather than
 * taken from a header, so a client cannot forge or collide it. (Route handlers, outside React's request scope,
 * call `newRequestId()` once and pass it on.)
 */
export const getRequestId = cache(() => randomUUID());

export const newRequestId = () => randomUUID();
