from pipeline.model_card import render

ROW = {"std_reward": 1.0, "deadline_met_rate": 0.5, "mean_latency_ms": 100.0}


def test_card_has_tables_and_says_where_a_policy_loses(tmp_path):
    doc = {"seed": 42, "episodes": 3, "results": [
        {"policy": "hybrid", "kind": "learned", "num_nodes": 20, "mean_reward": 9.0, **ROW},
        {"policy": "greedy_oracle", "kind": "baseline", "num_nodes": 20, "mean_reward": 10.0, **ROW},
        {"policy": "random", "kind": "baseline", "num_nodes": 20, "mean_reward": -5.0, **ROW}]}
    manifests = {"hybrid": {"algorithm": "a", "architecture": {"summary": "x -> y -> GCN -> z"},
                            "training": {"steps": 10, "wall_time_s": 1.0}}}
    text = render(doc, manifests, tmp_path / "card.md")
    assert "### 20 nodes" in text and "| hybrid | learned | 9.00 |" in text
    assert "loses to greedy_oracle by 1.00 (10.0%) at 20 nodes" in text and "beats random" in text
