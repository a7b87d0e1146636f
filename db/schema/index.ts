export * from "./actions";
export * from "./agents";
export * from "./audit";
export * from "./containment";
export * from "./credentials";
export * from "./keys";
export * from "./settings";
export * from "./users";
