import { describe, expect, it } from "vitest";
import { assessRisk } from "./assess-risk";

describe("assessRisk", () => {
  it.each([
    [["iam:write"], "high", /can change permissions/],
    [["github:repo:permissions:write"], "high", /can change permissions/],
    [["warehouse:read:restricted"], "high", /restricted data/],
    [["jira:admin"], "high", /administers/],
    [["*"], "high", /over-broad/],
    [["slack:*"], "high", /over-broad/],
    [["forum:post", "tickets:read"], "medium", /change state or post \(forum:post\)/],
    [["crm:read:confidential"], "medium", /confidential/],
    [["tickets:read", "docs:read"], "low", /read-only/],
    [[], "low", /no scopes/],
  ] as const)("%j is %s", (scopes, risk, reason) => {
    const result = assessRisk(scopes, "self");
    expect(result.risk).toBe(risk);
    expect(result.reasons.join("; ")).toMatch(reason);
  });

  it("raises read-only agents that act with their users' access to medium", () => {
    expect(assessRisk(["docs:read"], "on_behalf_of_users")).toEqual({
      risk: "medium",
      reasons: ["acts on behalf of users and inherits their access"],
    });
  });

  it("lists only the reasons of the highest level", () => {
    const result = assessRisk(["forum:post", "iam:write", "warehouse:read:restricted"], "self");
    expect(result.risk).toBe("high");
    expect(result.reasons).toHaveLength(2);
  });
});
