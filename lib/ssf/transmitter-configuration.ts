// SSF 1.0 §7.1 transmitter configuration metadata, served at /.well-known/ssf-configuration.
import { POLL, PUSH } from "./stream-config";

export function transmitterConfiguration(iss: string) {
  return {
    spec_version: "1_0",
    issuer: iss,
    jwks_uri: `${iss}/.well-known/jwks.json`,
    delivery_methods_supported: [PUSH, POLL],
    configuration_endpoint: `${iss}/api/ssf/streams`,
    status_endpoint: `${iss}/api/ssf/streams/status`,
    add_subject_endpoint: `${iss}/api/ssf/streams/subjects/add`,
    remove_subject_endpoint: `${iss}/api/ssf/streams/subjects/remove`,
    verification_endpoint: `${iss}/api/ssf/streams/verify`,
    // Bearer credentials (RFC 6750): an SSF receiver credential from Settings, or an admin API key.
    authorization_schemes: [{ spec_urn: "urn:ietf:rfc:6750" }],
    default_subjects: "ALL",
  };
}
