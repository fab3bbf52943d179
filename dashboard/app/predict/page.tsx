import type { Metadata } from "next";
import { PredictView } from "../../components/PredictView";

export const metadata: Metadata = { title: "Predict" };

export default function PredictPage() {
  return <PredictView />;
}
