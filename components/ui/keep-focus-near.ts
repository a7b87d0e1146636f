// After an action removes the button that was pressed (a Contain button once the agent
// is contained), focus would fall to <body> and a keyboard user would start over from
// the top. Instead it lands on the row or section the button was in, or the page's main.
export function keepFocusNear(anchor: HTMLElement | null): void {
  const place = anchor?.closest<HTMLElement>("[data-focus-home], tr, li, section") ?? document.getElementById("main");
  // Once the dialog has closed (or been unmounted, which drops focus to <body>) and
  // React has committed: a state update after an await may commit after the next frame.
  const settle = (run: () => void) => requestAnimationFrame(() => setTimeout(run, 50));
  settle(() => {
    if (!place || !place.isConnected) return document.getElementById("main")?.focus();
    if (!place.hasAttribute("tabindex")) place.tabIndex = -1;
    place.focus({ preventScroll: true });
  });
}
