/** Typed errors of the data-isolation layer. Messages name the model and the rule, never row data. */

export type TenantScopeErrorCode =
  | 'NO_TENANT' // a tenant-owned model (or relation) was touched with no tenant set
  | 'TENANT_MISMATCH' // a write named another tenant explicitly
  | 'TENANT_CHANGE' // an update tried to move a row to another tenant
  | 'CROSS_TENANT_RELATION' // a to-one relation returned another tenant's row, or a relation write cannot be scoped
  | 'RAW_SQL'; // raw SQL on a tenant client without allowRawSql()

export class TenantScopeError extends Error {
  readonly code: TenantScopeErrorCode;
  readonly model: string | undefined;

  constructor(code: TenantScopeErrorCode, message: string, model?: string) {
    super(model ? `${message} (model ${model})` : message);
    this.name = 'TenantScopeError';
    this.code = code;
    this.model = model;
  }
}

/** `getTenantObject` found no row with that id for this tenant (it may exist for another one). */
export class TenantObjectNotFoundError extends Error {
  readonly model: string;

  constructor(model: string) {
    super(`${model} not found`);
    this.name = 'TenantObjectNotFoundError';
    this.model = model;
  }
}
