// A call that needs a person's answer waits here: an approval request like any agent's
// (the console shows it live), then the answer, the request's expiry or the agent's
// containment, whichever comes first. The wait wakes on the change hub's notification of
// the answer (LISTEN/NOTIFY, so any replica's decision reaches it), with getApproval's
// own timers as the fallback.
import type { Db } from "@/db/client";
import { type SubscribeToChanges, MAX_WAIT_SECONDS, getApproval } from "@/lib/approvals/get-approval";
import type { PublicApproval } from "@/lib/approvals/public-approval";
import { requestApproval } from "@/lib/approvals/request-approval";
import type { GatewayAgent } from "./authenticate-gateway-agent";
import type { GatewayCall } from "./record-gateway-call";

export async function holdForApproval(
  db: Db,
  call: GatewayCall,
  summary: string,
  options: { subscribe: SubscribeToChanges; signal: AbortSignal; onRequested?: (approval: PublicApproval) => Promise<void> },
): Promise<PublicApproval> {
  const agent: GatewayAgent = call.agent;
  let approval = await requestApproval(db, agent.caller, {
    action: {
      kind: call.kind,
      tool: call.tool,
      target: { type: "mcp_server", id: call.server.name, ...(call.sensitivity ? { sensitivity: call.sensitivity } : {}) },
      summary,
    },
    ...(agent.onBehalfOf ? { onBehalfOf: agent.onBehalfOf } : {}),
    expiresInSeconds: call.server.approvalTimeoutSeconds,
  });
  await options.onRequested?.(approval);
  while (approval.status === "pending" && !options.signal.aborted) {
    const left = Math.ceil((new Date(approval.expiresAt).getTime() - Date.now()) / 1000);
    approval = await getApproval(db, agent.caller, approval.id, {
      waitSeconds: Math.min(MAX_WAIT_SECONDS, Math.max(1, left)),
      subscribe: options.subscribe,
      signal: options.signal,
    });
  }
  return approval;
}
