import { z } from "zod";
import { scopeList } from "@/lib/agents/agent-fields";

// A register of what an agent holds elsewhere. The secret itself comes here only when
// a connector needs it to revoke (an OAuth token); then it is sealed and never shown.
export const registerExternalCredentialInput = z.strictObject({
  system: z.string().trim().min(1, { message: "Name the system (github, aws, warehouse…)." }).max(80),
  identifier: z
    .string()
    .trim()
    .min(1, { message: "How does that system name it? A token name, a role ARN, a database user." })
    .max(300),
  scopes: scopeList.default([]),
  expiresAt: z.iso
    .datetime({ offset: true, message: "expiresAt is an ISO 8601 date and time." })
    .nullable()
    .optional()
    .transform((value) => (value ? new Date(value) : null)),
  revocableByConnector: z.boolean().default(false),
  notes: z.string().trim().max(2000).default(""),
  /** A revocation connector (postgres, redis, oauth) that revokes it at containment. */
  connectorId: z.uuid({ message: "connectorId is a connector id." }).optional(),
  /** Only for an oauth connector: the token itself, sealed at rest and sent only to its server's RFC 7009 endpoint. */
  secret: z.string().min(1).max(8000).optional(),
});
export type RegisterExternalCredentialInput = z.output<typeof registerExternalCredentialInput>;
