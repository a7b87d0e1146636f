import { describe, expect, it } from "vitest";
import { UsageError, parseSimulateOptions } from "./options";

const admin = { TOURNIQUET_ADMIN_EMAIL: "admin@example.test", TOURNIQUET_ADMIN_PASSWORD: "a long password" };
const parse = (argv: string[], env: Record<string, string | undefined> = admin) => parseSimulateOptions(argv, env);

describe("parseSimulateOptions", () => {
  it("reads the options, with defaults for the rest", () => {
    expect(parse(["--url", "http://localhost:3400/", "--speed", "max", "--size", "small", "--seed", "s1", "--run", "ci-1"])).toMatchObject({
      url: "http://localhost:3400",
      speed: Number.POSITIVE_INFINITY,
      size: "small",
      seed: "s1",
      run: "ci-1",
      story: true,
      routine: true,
      minutes: 167,
      auth: { email: "admin@example.test", password: "a long password" },
    });
    expect(parse(["--url=http://h:1", "--size=40", "--no-scenario"])).toMatchObject({ size: 40, story: false, routine: true, minutes: 60, speed: 60 });
    expect(parse(["--url", "http://h", "--scenario-only"], { TOURNIQUET_API_KEY: "tq_ak_x" })).toMatchObject({ routine: false, auth: { apiKey: "tq_ak_x" } });
    expect(parse(["--help"])).toBe("help");
    const first = parse(["--url", "http://h"]);
    const second = parse(["--url", "http://h"]);
    expect(first !== "help" && second !== "help" && first.run !== second.run).toBe(true);
  });

  it("refuses what it cannot do, saying why", () => {
    const refused = (argv: string[], env: Record<string, string | undefined> = admin) => {
      try {
        parse(argv, env);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error("accepted");
    };
    expect(refused([])).toMatch(/--url/);
    expect(refused(["--url", "ftp://h"])).toMatch(/http/);
    expect(refused(["--url", "http://h", "--speed", "0.5"])).toMatch(/at least 1/);
    expect(refused(["--url", "http://h", "--size", "huge"])).toMatch(/small, normal, large/);
    expect(refused(["--url", "http://h", "--scenario-only", "--no-scenario"])).toMatch(/exclude/);
    expect(refused(["--url", "http://h", "--minutes", "30"])).toMatch(/152/);
    expect(refused(["--url", "http://h", "--run", "Bad Tag"])).toMatch(/--run/);
    expect(refused(["--url", "http://h", "--wat"])).toMatch(/Unknown option/);
    expect(refused(["--url"])).toMatch(/needs a value/);
    expect(refused(["--url", "http://h"], {})).toMatch(/TOURNIQUET_ADMIN_EMAIL/);
  });
});
