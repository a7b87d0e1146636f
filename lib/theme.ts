// The person's colour scheme, kept in a cookie so the server renders it without a flash.
export const THEME_COOKIE = "tq-theme";
export const themes = ["system", "light", "dark"] as const;
export type Theme = (typeof themes)[number];

export function parseTheme(value: string | undefined): Theme {
  return themes.includes(value as Theme) ? (value as Theme) : "system";
}
