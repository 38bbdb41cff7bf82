import { formatAccountId } from "./aws-ids";

/** One ok audit row about a tenant or one of its accounts, as the timeline reads it. */
export type TimelineSource = {
  action: string;
  actorName: string | null;
  actorEmail: string | null;
  /** The 12-digit AWS account ID when the row targets one of the tenant's accounts. */
  accountId: string | null;
  before: unknown;
  after: unknown;
};

export function actorLabel(name: string | null, email: string | null): string {
  if (name) return name;
  if (email?.startsWith("system:")) return `System (${email.slice("system:".length)})`;
  return email ?? "Someone";
}

const field = (value: unknown, key: string) =>
  value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;

type Describe = (actor: string, account: string) => string;

// Actions of this and later capabilities, in words. An action missing here still shows, by its name.
const sentences: Record<string, Describe> = {
  "tenants.create": (actor) => `${actor} created the tenant`,
  "tenants.update": (actor) => `${actor} edited the tenant's details`,
  "tenants.add_aws_account": (actor, account) => `${actor} added account ${account}`,
  "tenants.reveal_external_id": (actor, account) => `${actor} revealed the External ID of account ${account}`,
  "onboarding.issue": (actor, account) => `${actor} issued an onboarding link for account ${account}`,
  "onboarding.record_manual": (actor, account) => `${actor} recorded a manually deployed role for account ${account}`,
  "onboarding.record_manual_role": (actor, account) =>
    `${actor} recorded a manually deployed role for account ${account}`,
  "onboarding.view_manual_instructions": (actor, account) =>
    `${actor} opened the manual deployment instructions for account ${account}`,
  "onboarding.role_deployed": (actor, account) => `${actor} reported the role of account ${account} deployed`,
  "onboarding.role_removed": (actor, account) =>
    `${actor} reported the role of account ${account} deleted with its stack`,
  "onboarding.invite_requested": (actor, account) =>
    `${actor} requested the Organization invite for account ${account} (final step)`,
  "invites.cancel": (actor, account) => `${actor} cancelled the invite of account ${account}`,
  "invites.resend": (actor, account) => `${actor} resent the invite of account ${account} (the old one cancelled)`,
  "invites.queue_bulk": (actor, account) => `${actor} queued account ${account} for a bulk invite`,
  "invites.adopted": (actor, account) => `${actor} found AWS's invitation for account ${account} and recorded it`,
  "invites.not_sent": (actor, account) => `${actor} found the invite of account ${account} never reached AWS`,
  "invites.imported": (actor, account) =>
    `${actor} recorded an invitation for account ${account} sent outside the console`,
};

const inviteResults: Record<string, string> = {
  sent: "invited account {a} into {o}",
  already_pending: "asked to invite account {a}; an invite was already pending",
  queued: "queued the invite of account {a} to {o} (waiting for headroom)",
  exception: "did not invite account {a}: an existing-organization exception was recorded",
  in_doubt: "invited account {a}; AWS did not confirm, so the reconciler will settle it",
};

const stateWords: Record<string, string> = {
  ACCEPTED: "accepted the invite: account {a} joined {o}",
  DECLINED: "declined the invite of account {a}",
  EXPIRED: "invite of account {a} expired unanswered",
  CANCELED: "invite of account {a} was cancelled",
  OPEN: "invite of account {a} is open",
  REQUESTED: "invite of account {a} is awaiting the customer",
};

function describeInvite(e: TimelineSource, actor: string, account: string): string | null {
  const fill = (t: string) =>
    t.replace("{a}", account).replace("{o}", String(field(e.after, "organization") ?? "a Pump organization"));
  if (e.action === "invites.send") {
    const template = inviteResults[String(field(e.after, "result"))];
    return template ? `${actor} ${fill(template)}` : null;
  }
  if (e.action === "invites.state_changed") {
    const template = stateWords[String(field(e.after, "state"))];
    return template ? `The customer's AWS side: ${fill(template)} (seen by ${actor})` : null;
  }
  return null;
}

/** A readable sentence for a timeline entry: "Ada Admin added account 1234-5678-9012". */
export function describeEvent(e: TimelineSource): string {
  const actor = actorLabel(e.actorName, e.actorEmail);
  const account = e.accountId ? formatAccountId(e.accountId) : "(removed)";
  if (e.action === "tenants.update_aws_account") {
    const arnChanged = field(e.before, "roleArn") !== field(e.after, "roleArn");
    return arnChanged
      ? `${actor} changed the role ARN of account ${account}; the role must be verified again`
      : `${actor} edited account ${account}`;
  }
  if (e.action === "roles.verify") {
    const result = field(e.after, "verificationState");
    const outcome =
      result === "verified"
        ? "verified"
        : result === "unprotected"
          ? "found it UNPROTECTED (no External ID condition)"
          : "could not verify it";
    return `${actor} checked the role of account ${account}: ${outcome}`;
  }
  const invite = describeInvite(e, actor, account);
  if (invite) return invite;
  const describe = sentences[e.action];
  if (describe) return describe(actor, account);
  return e.accountId ? `${actor}: ${e.action} (account ${account})` : `${actor}: ${e.action}`;
}
