// After an action removes the button that was pressed (a Contain button once the agent
// is contained), focus would fall to <body> and a keyboard user would start over from
// the top. Instead it lands on the row or section the button was in, or the page's main.
export function keepFocusNear(anchor: HTMLElement | null): void {
  const place = anchor?.closest<HTMLElement>("[data-focus-home], tr, li, section") ?? document.getElementById("main");
  // Once the dialog has closed and given focus back to its opener.
  requestAnimationFrame(() => {
    if (!place || !place.isConnected) return document.getElementById("main")?.focus();
    if (!place.hasAttribute("tabindex")) place.tabIndex = -1;
    place.focus({ preventScroll: true });
  });
}
