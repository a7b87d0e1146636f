// Settings is long: this names its sections and jumps to each. A column beside them from
// xl up; narrower, a row of links above them, as the panels need the width. Plain anchors,
// so it works before hydration, from the keyboard, and a section can be linked (/settings#rules).
export const settingsSections = [
  { id: "people", label: "People" },
  { id: "api-keys", label: "API keys" },
  { id: "ingest-keys", label: "Ingest keys" },
  { id: "resource-servers", label: "Resource servers" },
  { id: "mcp-servers", label: "MCP servers" },
  { id: "scim", label: "SCIM provisioning" },
  { id: "connectors", label: "Connectors" },
  { id: "ssf-receivers", label: "Shared Signals receivers" },
  { id: "rules", label: "Rules" },
  { id: "break-glass", label: "Break glass" },
] as const;

export function SettingsNav() {
  return (
    <nav aria-label="Settings sections" className="mb-6 xl:sticky xl:top-4 xl:mb-0 xl:self-start">
      <ul className="flex flex-wrap gap-2 text-sm xl:flex-col xl:gap-0.5">
        {settingsSections.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              className={`block rounded-md border border-border px-2.5 py-1 hover:bg-surface-2 xl:border-0 xl:px-3 xl:py-1.5 ${section.id === "break-glass" ? "text-danger" : ""}`}
            >
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
