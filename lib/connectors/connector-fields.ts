import { z } from "zod";
import { connectionProblem } from "@/lib/revocation/connection";
import { connectorKinds, isRevocationKind } from "./vocabulary";

export const createConnectorInput = z
  .strictObject({
    name: z.string().trim().min(1, { message: "Give it a name." }).max(80),
    kind: z.enum(connectorKinds, { message: 'kind is "webhook", "caep", "postgres", "redis" or "oauth".' }),
    /** Webhook and CAEP: where events go. Revocation kinds: the admin connection (postgres://, redis://, https://id:secret@…/revoke). */
    url: z.string().trim().min(1, { message: "url is required." }).max(2000),
  })
  .superRefine((input, context) => {
    if (isRevocationKind(input.kind)) {
      const problem = connectionProblem(input.kind, input.url);
      if (problem) context.addIssue({ code: "custom", path: ["url"], message: problem });
      return;
    }
    const parsed = z.url({ protocol: /^https?$/ }).safeParse(input.url);
    if (!parsed.success) context.addIssue({ code: "custom", path: ["url"], message: "url is an http or https URL." });
  });
export type CreateConnectorInput = z.infer<typeof createConnectorInput>;
