// The company a scenario happens in: which agents run (the demo company's, cloned per
// region for larger sizes, plus one shadow agent nobody registered) and the people
// who work there (the story's cast, the few cleared for the restricted data set, and
// the many engineers who are not).
import { demoAgents } from "./demo-agents";
import type { Random } from "./random";
import type { ScenarioAgent, ScenarioPerson, Transport } from "./scenario-types";

export type ScenarioSize = "small" | "normal" | "large" | number;

export const STORY_AGENT = "eng-forum-assistant";
/** Sends actions but was never registered: discovered through what it sends. */
export const SHADOW_AGENT = "notebook-copilot";

// Frameworks that emit OpenTelemetry GenAI spans out of the box report over OTLP.
const OTEL_PLATFORMS = new Set(["LangGraph", "OpenAI Agents SDK", "Bedrock Agents"]);
const REGIONS = ["emea", "apac", "us", "latam", "eu-west", "us-east", "india", "nordics", "dach", "anz"];

export const cast = {
  invokedBy: { email: "jordan.lee@example.com", name: "Jordan Lee", team: "Developer Experience", cleared: false },
  askedBy: { email: "sam.rivera@example.com", name: "Sam Rivera", team: "Growth Engineering", cleared: false },
  securityEngineer: { email: "ines.moreau@example.com", name: "Ines Moreau", team: "Security", cleared: true },
  commander: { email: "priya.raman@example.com", name: "Priya Raman", team: "Security", cleared: false },
} satisfies Record<string, ScenarioPerson>;

/** Agents whose tools are MCP servers: their spans use MCP's method names. */
export const usesMcp = (agent: ScenarioAgent): boolean => agent.platform === "Bedrock Agents" || agent.unregistered === true;

export function agentCount(size: ScenarioSize): number {
  if (typeof size === "number") return Math.max(1, Math.min(2000, Math.round(size)));
  return { small: 12, normal: demoAgents.length, large: 150 }[size];
}

/** How many engineers outside the cleared group read the data set once it was widened. */
export function exposedCount(size: ScenarioSize): number {
  if (typeof size === "number") return Math.max(6, Math.min(400, Math.round(size * 1.1)));
  return { small: 12, normal: 40, large: 120 }[size];
}

const transportOf = (platform: string): Transport => (OTEL_PLATFORMS.has(platform) ? "otlp" : "api");

export function companyAgents(size: ScenarioSize): ScenarioAgent[] {
  const wanted = agentCount(size);
  const agents: ScenarioAgent[] = demoAgents.slice(0, wanted).map((agent) => ({ ...agent, reportsVia: transportOf(agent.platform) }));
  // Larger companies run the same agents per region.
  const templates = demoAgents.filter((agent) => agent.name !== STORY_AGENT && (agent.status ?? "active") === "active");
  for (let index = 0; agents.length < wanted; index++) {
    const template = templates[index % templates.length];
    if (!template) break;
    const round = Math.floor(index / templates.length);
    const suffix = round < REGIONS.length ? REGIONS[round] : `${round + 1}`;
    agents.push({
      ...template,
      name: `${template.name}-${suffix}`,
      description: `${template.description} (${suffix} deployment)`,
      external: undefined,
      reportsVia: transportOf(template.platform),
    });
  }
  agents.push({
    name: SHADOW_AGENT,
    team: "Data",
    owner: "unknown (unregistered)",
    platform: "Jupyter AI",
    environment: "dev",
    actsAs: "on_behalf_of_users",
    scopes: [],
    description: "A notebook assistant on a data scientist's laptop, reporting through its OpenTelemetry plugin.",
    reportsVia: "otlp",
    unregistered: true,
  });
  return agents;
}

const FIRST = ["noah", "emma", "liam", "olivia", "lucas", "mia", "ethan", "ava", "leo", "zoe", "arjun", "sofia", "mateo", "hana", "omar", "chloe", "kofi", "nina", "ivan", "lea", "ravi", "julia", "tariq", "anna", "diego", "mei", "felix", "sara", "hugo", "amara"];
const LAST = ["park", "silva", "chen", "novak", "meyer", "dubois", "wright", "rossi", "kowalski", "nakamura", "haddad", "okafor", "jensen", "garcia", "ivanova", "mensah", "schulz", "tanaka", "oconnor", "petrov", "santos", "kaur", "lindqvist", "moreno", "ahmed", "bianchi", "fischer", "ng", "costa", "varga"];
const ENGINEERING_TEAMS = ["Growth Engineering", "Payments", "Search", "Mobile", "Infrastructure", "Ads", "Messaging", "Developer Experience"];
const CLEARED = ["yuki.tanaka", "omar.haddad", "lin.zhou", "marta.kovac", "ben.adler", "kira.sato", "tomas.ruiz", "ana.pereira", "dev.menon", "jonas.weber", "eva.lund"];

const title = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const nameOf = (local: string) => local.split(".").map(title).join(" ");

/**
 * The people: the story's cast, the 12 people cleared for the restricted data set
 * (the security engineer and 11 data-platform engineers) and `engineers` others.
 */
export function companyPeople(random: Random, engineers: number): ScenarioPerson[] {
  const people: ScenarioPerson[] = Object.values(cast);
  for (const local of CLEARED) people.push({ email: `${local}@example.com`, name: nameOf(local), team: "Data Platform", cleared: true });
  const taken = new Set(people.map((person) => person.email));
  // The first ones are the same on every run: the people of the original demo.
  const pairs = LAST.flatMap((_, offset) => FIRST.map((first, index) => `${first}.${LAST[(index + offset) % LAST.length] ?? ""}`));
  const ordered = [...pairs.slice(0, 8), ...random.shuffle(pairs.slice(8))];
  for (const local of ordered) {
    if (people.length - Object.keys(cast).length - CLEARED.length >= engineers) break;
    const email = `${local}@example.com`;
    if (taken.has(email)) continue;
    taken.add(email);
    people.push({ email, name: nameOf(local), team: random.pick(ENGINEERING_TEAMS), cleared: false });
  }
  return people;
}
