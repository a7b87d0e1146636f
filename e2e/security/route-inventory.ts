// Every route handler in app/, read from the files themselves, so a route added
// without an entry in the authorization matrix makes the matrix test fail.
import fs from "node:fs";
import path from "node:path";

export interface RouteHandler {
  method: string;
  /** The path as in the matrix: [param] segments kept, route groups dropped. */
  template: string;
  file: string;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : entry.name === "route.ts" ? [full] : [];
  });
}

export function routeHandlers(root = "app"): RouteHandler[] {
  return walk(root).flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    const template = `/${path.relative(root, path.dirname(file)).split(path.sep).filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
    const exported = METHODS.filter((method) =>
      new RegExp(`export (const|async function|function) ${method}\\b|export const \\{[^}]*\\b${method}\\b[^}]*\\}`).test(source),
    );
    return exported.map((method) => ({ method, template, file }));
  });
}

/** Server actions: every exported function of a "use server" file. */
export function serverActions(roots = ["app", "lib"]): string[] {
  const files = roots.flatMap((root) => walkAll(root)).filter((file) => /\.(ts|tsx)$/.test(file));
  return files.flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    if (!/^\s*["']use server["']/m.test(source)) return [];
    return [...source.matchAll(/export async function (\w+)/g)].map((match) => `${file}#${match[1]}`);
  });
}

function walkAll(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walkAll(full) : [full];
  });
}
