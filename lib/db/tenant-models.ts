/**
 * The tenant model graph, derived from the schema baked into the generated client.
 *
 * Invariant: a model is tenant-owned exactly when it has a scalar `tenantId` field. There is no
 * hand-kept list anywhere: a new model with `tenantId` is scoped by the extension the moment the
 * client is regenerated. Proved by lib/db/tenant-models.test.ts.
 *
 * Why we also read the inline schema: Prisma 7's runtime data model lists models, fields and relation
 * names but not whether a relation is a list nor which scalars back it. Both are needed (to-many
 * includes take a `where`, to-one ones do not; `tenant: { connect }` vs `tenantId`), so we read those
 * two facts from the schema text the same client was generated from — they can never disagree.
 */

export type RelationInfo = {
  /** Target model name, e.g. `Item`. */
  model: string;
  isList: boolean;
  relationName: string;
  /** Scalar foreign-key fields on this side (`@relation(fields: [...])`), empty on the back side. */
  fields: readonly string[];
};

export type ModelInfo = {
  name: string;
  tenantOwned: boolean;
  relations: ReadonlyMap<string, RelationInfo>;
  /** Scalar and enum field names (disambiguates `update: { where, data }` from a `data` column). */
  scalars: ReadonlySet<string>;
  /** For a tenant-owned model: the to-one relation backed by `tenantId` (e.g. `tenant`), if any. */
  tenantRelation?: string;
};

export type ModelGraph = ReadonlyMap<string, ModelInfo>;

export const TENANT_FIELD = 'tenantId';

type RuntimeField = { name: string; kind: string; type: string; relationName?: string };
type RuntimeDataModel = { models: Record<string, { fields: RuntimeField[] }> };

/** Pulls `{ list, fkFields }` for every field of every model out of a Prisma schema text. */
export function parseSchemaFields(schema: string): Map<string, Map<string, { isList: boolean; fk: string[] }>> {
  const out = new Map<string, Map<string, { isList: boolean; fk: string[] }>>();
  const modelRe = /^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm;
  for (const m of schema.matchAll(modelRe)) {
    const fields = new Map<string, { isList: boolean; fk: string[] }>();
    for (const raw of (m[2] ?? '').split('\n')) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      const f = /^(\w+)\s+(\w+)(\[\])?\??(.*)$/.exec(line);
      if (!f?.[1]) continue;
      const fk = /@relation\([^)]*\bfields:\s*\[([^\]]*)\]/.exec(f[4] ?? '');
      fields.set(f[1], {
        isList: f[3] === '[]',
        fk: (fk?.[1] ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      });
    }
    if (m[1]) out.set(m[1], fields);
  }
  return out;
}

/** Builds the graph from a runtime data model and the schema text it came from. */
export function buildModelGraph(dataModel: RuntimeDataModel, schema: string): ModelGraph {
  const parsed = parseSchemaFields(schema);
  const graph = new Map<string, ModelInfo>();
  for (const [name, model] of Object.entries(dataModel.models)) {
    const schemaFields = parsed.get(name);
    if (!schemaFields) throw new Error(`lib/db: model ${name} missing from the inline schema`);
    const relations = new Map<string, RelationInfo>();
    let tenantRelation: string | undefined;
    for (const field of model.fields) {
      if (field.kind !== 'object') continue;
      const s = schemaFields.get(field.name);
      if (!s) throw new Error(`lib/db: field ${name}.${field.name} missing from the inline schema`);
      relations.set(field.name, {
        model: field.type,
        isList: s.isList,
        relationName: field.relationName ?? '',
        fields: s.fk,
      });
      if (s.fk.includes(TENANT_FIELD)) tenantRelation = field.name;
    }
    const scalars = new Set(model.fields.filter((f) => f.kind !== 'object').map((f) => f.name));
    const tenantOwned = model.fields.some((f) => f.name === TENANT_FIELD && f.kind === 'scalar');
    graph.set(name, { name, tenantOwned, relations, scalars, tenantRelation });
  }
  return graph;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * Reads the data model from a generated PrismaClient instance. These are internal fields of the
 * pinned Prisma 7 client; if an upgrade moves them we fail loudly at startup instead of scoping
 * nothing (tenant-models.test.ts pins the expected shape).
 */
export function modelGraphFromClient(client: object): ModelGraph {
  const c = client as Record<string, unknown>;
  const dataModel = c._runtimeDataModel;
  const engineConfig = c._engineConfig;
  if (!isRecord(dataModel) || !isRecord(dataModel.models) || !isRecord(engineConfig)) {
    throw new Error('lib/db: cannot read the Prisma runtime data model (Prisma upgrade?)');
  }
  if (typeof engineConfig.inlineSchema !== 'string') {
    throw new Error('lib/db: cannot read the inline Prisma schema (Prisma upgrade?)');
  }
  return buildModelGraph(dataModel as RuntimeDataModel, engineConfig.inlineSchema);
}

/** `Item` → `item`, `AuditLog` → `auditLog`: the delegate key on the client. */
export function delegateKey(model: string): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}
