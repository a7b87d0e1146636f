import { z } from "zod";
import { connectorKinds } from "./vocabulary";

export const createConnectorInput = z.strictObject({
  name: z.string().trim().min(1, { message: "Give it a name." }).max(80),
  kind: z.enum(connectorKinds, { message: 'kind is "webhook" or "caep".' }),
  url: z
    .url({ protocol: /^https?$/, message: "url is an http or https URL." })
    .max(2000),
});
export type CreateConnectorInput = z.infer<typeof createConnectorInput>;
