// The timeline's state in the URL: the same keys as GET /api/v1/actions, so a view
// can be pasted into an incident channel, or into curl.
export const timelineKeys = ["agentId", "kind", "sensitivity", "outcome", "onBehalfOf", "q", "from", "to"] as const;
export type TimelineKey = (typeof timelineKeys)[number];
export type TimelineFilter = Partial<Record<TimelineKey, string>>;

export function timelineFilterFrom(params: URLSearchParams | Record<string, string | string[] | undefined>): TimelineFilter {
  const get = (key: string) =>
    params instanceof URLSearchParams ? params.get(key) : typeof params[key] === "string" ? (params[key] as string) : null;
  const filter: TimelineFilter = {};
  for (const key of timelineKeys) {
    const value = get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

export function timelineQueryString(filter: TimelineFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of timelineKeys) if (filter[key]) params.set(key, filter[key] as string);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

export const actionKeys = {
  all: ["actions"] as const,
  list: (filter: TimelineFilter) => [...actionKeys.all, "list", filter] as const,
  histogram: (filter: TimelineFilter, stackBy: string) => [...actionKeys.all, "histogram", filter, stackBy] as const,
};
