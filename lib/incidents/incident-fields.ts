import { z } from "zod";
import { incidentStatuses, severities } from "./vocabulary";

const when = z.iso.datetime({ offset: true, message: "Times are ISO 8601 with a zone." }).transform((value) => new Date(value));

const followUpInput = z.strictObject({
  title: z.string().trim().min(1, { message: "Say what is to be done." }).max(500),
  owner: z.string().trim().min(1, { message: "Every follow-up has an owner." }).max(254),
  dueDate: z.iso.date({ message: "dueDate is a date, YYYY-MM-DD." }),
  done: z.boolean().default(false),
});

export const declareIncidentInput = z.strictObject({
  title: z.string().trim().min(3, { message: "Give the incident a title." }).max(200),
  severity: z.enum(severities, { message: "severity is SEV1, SEV2, SEV3 or SEV4." }),
  summary: z.string().trim().max(10_000).default(""),
  commander: z.string().trim().min(1).max(254).optional(),
  agentIds: z.array(z.uuid({ message: "agentIds are agent ids." })).max(500).default([]),
  startedAt: when.optional(),
  detectedAt: when.optional(),
});
export type DeclareIncidentInput = z.output<typeof declareIncidentInput>;

export const updateIncidentInput = z.strictObject({
  status: z.enum(incidentStatuses, { message: "status is investigating, contained, resolved or closed." }).optional(),
  title: z.string().trim().min(3).max(200).optional(),
  severity: z.enum(severities).optional(),
  summary: z.string().trim().max(10_000).optional(),
  commander: z.string().trim().min(1).max(254).optional(),
  startedAt: when.optional(),
  detectedAt: when.optional(),
  addAgentIds: z.array(z.uuid()).max(500).optional(),
  note: z.string().trim().max(2000).optional(),
  // The post-incident review.
  rootCause: z.string().trim().max(10_000).optional(),
  contributingFactors: z.string().trim().max(10_000).optional(),
  lessons: z.string().trim().max(10_000).optional(),
  resolutionSummary: z.string().trim().max(10_000).optional(),
  followUps: z.array(followUpInput).max(100).optional(),
});
export type UpdateIncidentInput = z.output<typeof updateIncidentInput>;

export const noteInput = z.strictObject({
  body: z.string().trim().min(1, { message: "Write something." }).max(10_000),
  pinned: z.boolean().default(false),
});

export const pinInput = z.strictObject({
  actionSeq: z.number().int().positive().optional(),
  eventId: z.uuid().optional(),
  pinned: z.boolean().default(true),
}).refine((input) => (input.actionSeq === undefined) !== (input.eventId === undefined), { message: "Pin either an action (actionSeq) or a note (eventId)." });
