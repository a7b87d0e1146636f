// Errors in SCIM's own shape (RFC 7644 section 3.12): identity providers read `status`
// and `scimType`, not our usual JSON error body.
export const SCIM_CONTENT_TYPE = "application/scim+json";
export const SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export type ScimType = "invalidValue" | "invalidSyntax" | "invalidFilter" | "invalidPath" | "noTarget" | "uniqueness" | "mutability" | "tooMany";

export class ScimError extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
    this.name = "ScimError";
  }

  body() {
    return {
      schemas: [SCIM_ERROR_SCHEMA],
      status: String(this.status),
      ...(this.scimType && { scimType: this.scimType }),
      detail: this.message,
    };
  }
}

export function scimErrorResponse(error: ScimError): Response {
  return new Response(JSON.stringify(error.body()), {
    status: error.status,
    headers: { "content-type": SCIM_CONTENT_TYPE, "cache-control": "no-store" },
  });
}
