"use client";
import { useState } from "react";
import { THEME_COOKIE, type Theme, themes } from "@/lib/theme";

export function ThemeSwitch({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function choose(next: Theme) {
    setTheme(next);
    document.documentElement.dataset.theme = next;
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  }
  return (
    <fieldset className="flex gap-1 rounded-md bg-surface-2 p-1">
      <legend className="sr-only">Colour scheme</legend>
      {themes.map((option) => (
        <label
          key={option}
          className="flex-1 cursor-pointer rounded px-2 py-1 text-center text-xs capitalize has-[:checked]:bg-surface has-[:checked]:font-semibold has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring"
        >
          <input
            type="radio"
            name="theme"
            value={option}
            checked={theme === option}
            onChange={() => choose(option)}
            className="sr-only"
          />
          {option}
        </label>
      ))}
    </fieldset>
  );
}
