"use client";
// Detection rules in Settings: every rule runs on every ingested action.
import { Card } from "@/components/ui/card";
import type { PublicRule } from "@/lib/rules/public-rule";
import { useRules } from "@/lib/rules/queries";
import { RuleEditor } from "./rule-editor";

export function RulesPanel({ initial, agents }: { initial: PublicRule[]; agents: { id: string; name: string }[] }) {
  const rules = useRules(initial);
  return (
    <Card className="mt-8 p-5" id="rules">
      <h2 className="mb-1 text-base font-semibold">Rules</h2>
      <p className="mb-2 text-sm text-muted">
        Every ingested action passes through these rules. When one fires it raises an alert; set it to declare an incident, or to
        contain the agent at once (the circuit breaker), which acts through the same kill switch as a responder, recorded as the rule.
      </p>
      <ul className="divide-y divide-border">
        {(rules.data ?? initial).map((rule) => (
          <RuleEditor key={rule.key} rule={rule} agents={agents} />
        ))}
      </ul>
    </Card>
  );
}
