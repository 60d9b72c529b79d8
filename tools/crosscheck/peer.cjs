// peer.cjs runs @cloud-copilot/iam-simulate (installed by `make crosscheck` into a
// temporary folder, found through NODE_PATH) on every case of a JSON-lines file and
// prints one JSON line per case: {"id": N, "decision": "Allowed"|..., "error": "..."}.
// Usage: node peer.cjs cases.jsonl > peer.jsonl
const fs = require('fs');
const readline = require('readline');
const { runSimulation } = require('@cloud-copilot/iam-simulate');

async function main() {
  const rl = readline.createInterface({ input: fs.createReadStream(process.argv[2]) });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const c = JSON.parse(line);
    const out = { id: c.id };
    try {
      const sim = {
        request: {
          principal: c.request.principal,
          action: c.request.action,
          resource: { resource: c.request.resource, accountId: c.resourceAccount || '111122223333' },
          contextVariables: c.request.context || {},
        },
        identityPolicies: c.identity.map((p, i) => ({ name: 'identity' + i, policy: p })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: c.resourcePolicy || undefined,
        permissionBoundaryPolicies: c.boundary ? [{ name: 'boundary', policy: c.boundary }] : undefined,
      };
      // runSimulation, not runUnsafeSimulation: the unsafe entry point never marks
      // wildcard-only actions and crashes on resource policies (0.1.x).
      const r = await runSimulation(sim, {});
      if (r.resultType === 'error') out.error = 'peer validation: ' + JSON.stringify(r.errors).slice(0, 300);
      else {
        out.decision = r.overallResult;
        if (r.resultType !== 'single') out.resultType = r.resultType;
        const ign = r.result && r.result.ignoredContextKeys;
        if (ign && ign.length) out.ignored = ign;
      }
    } catch (e) {
      out.error = String(e && e.message ? e.message : e);
    }
    process.stdout.write(JSON.stringify(out) + '\n');
  }
}
main();
