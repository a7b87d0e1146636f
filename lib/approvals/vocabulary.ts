// Words of approvals, as plain values the browser can import too.
export const approvalStatuses = ["pending", "approved", "denied"] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

export const approvalDecisions = ["approve", "deny"] as const;
export type ApprovalDecision = (typeof approvalDecisions)[number];

/** How long an agent may wait for an answer, by default and at most. */
export const DEFAULT_APPROVAL_TTL_SECONDS = 300;
export const MAX_APPROVAL_TTL_SECONDS = 3600;
