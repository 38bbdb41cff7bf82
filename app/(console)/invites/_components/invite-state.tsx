import { Badge } from "@/components/ui/badge";
import { inviteBadge, type InviteStatus } from "@/lib/invites/labels";

/** The state badge of one invite, and why it failed when it did (AWS's words or the reconciler's). */
export function InviteState({ invite }: { invite: InviteStatus & { failureMessage: string | null } }) {
  const badge = inviteBadge(invite);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <span className="whitespace-nowrap">
        <Badge tone={badge.tone}>{badge.label}</Badge>
      </span>
      {invite.phase === "failed" && invite.failureMessage ? (
        <span className="max-w-sm text-xs text-red-800">{invite.failureMessage}</span>
      ) : null}
    </span>
  );
}
