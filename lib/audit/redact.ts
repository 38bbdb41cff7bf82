/**
 * Removes secrets from anything headed for the audit log or a server log. Keys are matched by name, at any depth,
 * so a new secret-bearing field is covered as long as its name says what it is.
 */
const SECRET_KEY = /external_?id|secret|token|password|credential|session_?key|access_?key|signature/i;

export const REDACTED = "[redacted]";

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 20) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) && v != null ? REDACTED : redact(v, depth + 1)]),
    );
  }
  return value;
}
