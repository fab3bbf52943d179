/** The process's serving state, shared by the drain (which sets it) and GET /ready (which reports it). */
export class Lifecycle {
  /** true from SIGTERM/SIGINT on: /ready answers 503 so load balancers stop routing here */
  draining = false;
}
