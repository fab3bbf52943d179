/**
 * A loaded model as an episode policy: each decision goes through the Predictor, the same path as
 * POST /predict (contract v2 tensors, micro-batching, the registry's session), and the policy takes
 * its selected_node (argmax of probs over valid nodes).
 */
import type { Predictor } from "../inference/predictor.js";
import type { Policy } from "./policies.js";
import type { Topology } from "./topology.js";

export function learnedPolicy(name: string, predictor: Predictor, topo: Topology): Policy {
  return {
    name,
    kind: "learned",
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
      const pred = await predictor.predictOne(name, prep);
      return pred.selected_node;
    },
  };
}
