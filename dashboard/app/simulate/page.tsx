import type { Metadata } from "next";
import { SimulateView } from "../../components/SimulateView";

export const metadata: Metadata = { title: "Simulate" };

export default function SimulatePage() {
  return <SimulateView />;
}
