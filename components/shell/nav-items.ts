// The console's sections, in the order a responder works through an incident.
export interface NavItem {
  href: string;
  label: string;
  /** Second key of the "g then key" shortcut. */
  key: string;
  adminOnly?: boolean;
}

export const navItems: NavItem[] = [
  { href: "/", label: "Overview", key: "o" },
  { href: "/alerts", label: "Alerts", key: "l" },
  { href: "/approvals", label: "Approvals", key: "p" },
  { href: "/agents", label: "Agents", key: "a" },
  { href: "/timeline", label: "Timeline", key: "t" },
  { href: "/incidents", label: "Incidents", key: "i" },
  { href: "/audit", label: "Audit", key: "u" },
  { href: "/settings", label: "Settings", key: "s", adminOnly: true },
];
