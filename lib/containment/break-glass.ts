/** What an admin types to contain every agent at once. */
export const BREAK_GLASS_PHRASE = "CONTAIN ALL AGENTS";
