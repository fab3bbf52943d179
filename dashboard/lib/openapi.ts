// Lists the operations of an OpenAPI 3 document (for the About / API page).

export interface Operation {
  method: string;
  path: string;
  summary: string | null;
  tags: string[];
}

const METHODS = ["get", "post", "put", "patch", "delete", "head", "options"] as const;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function openApiOperations(doc: unknown): { title: string | null; version: string | null; operations: Operation[] } {
  if (!isObj(doc) || !isObj(doc.paths)) return { title: null, version: null, operations: [] };
  const info = isObj(doc.info) ? doc.info : {};
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!isObj(item)) continue;
    for (const m of METHODS) {
      const op = item[m];
      if (!isObj(op)) continue;
      const summary = typeof op.summary === "string" ? op.summary : typeof op.description === "string" ? op.description : null;
      const tags = Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === "string") : [];
      operations.push({ method: m.toUpperCase(), path, summary, tags });
    }
  }
  operations.sort((a, b) => a.path.localeCompare(b.path) || METHODS.indexOf(a.method.toLowerCase() as (typeof METHODS)[number]) - METHODS.indexOf(b.method.toLowerCase() as (typeof METHODS)[number]));
  return {
    title: typeof info.title === "string" ? info.title : null,
    version: typeof info.version === "string" ? info.version : null,
    operations,
  };
}
