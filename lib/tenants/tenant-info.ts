/** The serialisable face of a tenant: what a server component hands to `<TenantProvider>`. */
export type TenantJSON = {
  id: string;
  slug: string;
  name: string;
  settings: Record<string, unknown>;
  metadata: Record<string, unknown>;
};

export type TenantInfoInit<Raw = unknown> = {
  id: string;
  slug?: string | null;
  name?: string | null;
  settings?: Record<string, unknown> | null;
  metadata?: Record<string, unknown> | null;
  raw?: Raw;
};

function plainRecord(value: unknown): Record<string, unknown> {
  // Prisma Json columns may hold arrays or scalars; only an object is a settings map.
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A resolved tenant. Edge-safe: no database, no Node built-ins. */
export class TenantInfo<Raw = unknown> {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly settings: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
  readonly raw: Raw | undefined;

  constructor(init: TenantInfoInit<Raw>) {
    if (typeof init?.id !== 'string' || init.id === '') {
      throw new TypeError('TenantInfo needs a non-empty string id');
    }
    this.id = init.id;
    this.slug = init.slug || init.id;
    this.name = init.name || this.slug;
    this.settings = plainRecord(init.settings);
    this.metadata = plainRecord(init.metadata);
    this.raw = init.raw;
  }

  /** A setting's value, or `fallback` when it is absent (own keys only, so `constructor` is never a setting). */
  getSetting<T = unknown>(key: string, fallback?: T): T | undefined {
    if (Object.hasOwn(this.settings, key) && this.settings[key] !== undefined) return this.settings[key] as T;
    return fallback;
  }

  /** Same tenant? Compared by id, with another TenantInfo or an id string. */
  equals(other: TenantInfo<unknown> | string | null | undefined): boolean {
    if (typeof other === 'string') return other === this.id;
    return other instanceof TenantInfo && other.id === this.id;
  }

  toString(): string {
    return this.id;
  }

  /** Plain data for client components and JSON responses; `raw` (the database row) never leaves the server. */
  toJSON(): TenantJSON {
    return {
      id: this.id,
      slug: this.slug,
      name: this.name,
      settings: { ...this.settings },
      metadata: { ...this.metadata },
    };
  }

  static fromJSON(json: TenantJSON): TenantInfo {
    return new TenantInfo(json);
  }
}
