// Subject identifiers (RFC 9493, SSF 1.0 §3) for an agent: an opaque id or iss_sub,
// and a complex subject that also names its owner by email so an IdP can match a person.
import type { SubjectFormat } from "./stream-config";

export interface SubjectAgent {
  id: string;
  owner: string;
}

export type SubjectIdentifier = Record<string, unknown> & { format: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function agentSubject(agent: SubjectAgent, format: SubjectFormat, iss: string): SubjectIdentifier {
  const issSub = { format: "iss_sub", iss, sub: agent.id };
  if (format === "opaque") return { format: "opaque", id: agent.id };
  if (format === "iss_sub") return issSub;
  return EMAIL.test(agent.owner)
    ? { format: "complex", application: issSub, user: { format: "email", email: agent.owner.toLowerCase() } }
    : { format: "complex", application: issSub };
}

/** Keys that match a subject against a stream's removed subjects: "opaque:<id>", "email:<address>"… */
export function subjectKeys(subject: SubjectIdentifier): string[] {
  switch (subject.format) {
    case "opaque":
      return typeof subject.id === "string" ? [`agent:${subject.id}`] : [];
    case "iss_sub":
      return typeof subject.sub === "string" ? [`agent:${subject.sub}`] : [];
    case "email":
      return typeof subject.email === "string" ? [`email:${subject.email.toLowerCase()}`] : [];
    case "complex":
      return Object.values(subject).flatMap((member) =>
        member && typeof member === "object" && "format" in member ? subjectKeys(member as SubjectIdentifier) : [],
      );
    default:
      return [];
  }
}

export function isExcluded(agent: SubjectAgent, excluded: string[]): boolean {
  if (excluded.length === 0) return false;
  const keys = [`agent:${agent.id}`, `email:${agent.owner.toLowerCase()}`];
  return keys.some((key) => excluded.includes(key));
}
