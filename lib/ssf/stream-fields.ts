// Stream configuration a receiver sends (SSF 1.0 §8.1.1). Transmitter-supplied members
// (stream_id on create, iss, events_supported, events_delivered…) are ignored, as the
// spec has receivers send whole configurations back on replace.
import { z } from "zod";
import { POLL, PUSH, signingAlgs, streamStatuses, subjectFormats } from "./stream-config";

const endpointUrl = z.url({ protocol: /^https?$/, message: "endpoint_url is an http or https URL." }).max(2000);

export const deliveryInput = z.discriminatedUnion(
  "method",
  [
    z.object({ method: z.literal(PUSH), endpoint_url: endpointUrl, authorization_header: z.string().min(1).max(4000).optional() }),
    z.object({ method: z.literal(POLL), endpoint_url: z.string().max(2000).optional() }),
  ],
  { message: `delivery.method is ${PUSH} (push) or ${POLL} (poll).` },
);

const configurable = {
  delivery: deliveryInput,
  events_requested: z.array(z.string().max(300)).max(20).optional(),
  description: z.string().trim().max(200).optional(),
  /** Tourniquet's: the audience its SETs carry (defaults to the push endpoint, or the stream's URN for poll). */
  aud: z.string().trim().min(1).max(2000).optional(),
  signing_alg: z.enum(signingAlgs).optional(),
  subject_format: z.enum(subjectFormats).optional(),
};

export const createStreamInput = z.object(configurable);
export type CreateStreamInput = z.infer<typeof createStreamInput>;

export const replaceStreamInput = z.object({ stream_id: z.uuid(), ...configurable });
export type ReplaceStreamInput = z.infer<typeof replaceStreamInput>;

export const updateStreamInput = z.object({
  stream_id: z.uuid(),
  delivery: deliveryInput.optional(),
  events_requested: configurable.events_requested,
  description: configurable.description,
  aud: configurable.aud,
  signing_alg: configurable.signing_alg,
  subject_format: configurable.subject_format,
});
export type UpdateStreamInput = z.infer<typeof updateStreamInput>;

export const streamIdInput = z.object({ stream_id: z.uuid({ message: "stream_id is a stream id." }) });

export const updateStatusInput = z.object({
  stream_id: z.uuid(),
  status: z.enum(streamStatuses),
  reason: z.string().trim().max(500).optional(),
});

export const subjectInput = z.object({
  stream_id: z.uuid(),
  subject: z.looseObject({ format: z.string().min(1).max(40) }),
  verified: z.boolean().optional(),
});

export const verifyInput = z.object({ stream_id: z.uuid(), state: z.string().max(500).optional() });

/** RFC 8936 §2.4 poll request. */
export const pollInput = z.object({
  maxEvents: z.number().int().min(0).max(100).optional(),
  returnImmediately: z.boolean().optional(),
  ack: z.array(z.string().max(100)).max(1000).optional(),
  setErrs: z.record(z.string().max(100), z.object({ err: z.string().max(100), description: z.string().max(1000).optional() })).optional(),
});
