/**
 * A loaded model as an episode policy: each decision goes through the Predictor, the same path as
 * POST /predict (contract v2 tensors, micro-batching, the registry's session), and the policy takes
 * its selected_node (argmax of probs over valid nodes). The active version is resolved once and
 * leased for the whole episode, so a load or rollback meanwhile does not mix versions.
 */
import type { Predictor } from "../inference/predictor.js";
import type { Policy } from "./policies.js";
import type { Topology } from "./topology.js";

export function learnedPolicy(name: string, predictor: Predictor, topo: Topology): Policy {
  const model = predictor.resolveModel(name);
  model.acquire();
  return {
    name,
    kind: "learned",
    version: model.ref.version,
    release: () => model.releaseLease(),
    async choose(d) {
      // /predict answers 422 here; in an episode the task is dropped, as in the simulator.
      if (d.out.validCount === 0) return -1;
      const { source, cpu_mcycles, mem_mb, data_kb, deadline_ms } = d.task;
      const prep = {
        net: topo.net,
        task: { source, cpu_mcycles, mem_mb, data_kb, deadline_ms },
        load: d.task.load,
        out: d.out,
        n: d.out.n,
        m: d.out.routes.links.count,
      };
      const pred = await predictor.predictOn(model, prep);
      return pred.selected_node;
    },
  };
}
