// Driver adapter used only by the Prisma CLI (prisma.config.ts), never by the app.
// It bridges three gaps in @prisma/adapter-pg 6.19.3 that stop the WASM schema engine from
// migrating offline; see docs/decisions/001-toolchain-prisma-6-wasm.md.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, type SqlQuery, type SqlResultSet } from "@prisma/driver-adapter-utils";

const CHAR_OID = 18; // pg "char": the engine reads it as a single character (e.g. contype)
const NAME_OID = 19; // pg name: a plain string
const TEXT_OID = 25;

type PgResult = { fields?: { dataTypeID: number }[] };
type Queryable = {
  performIO(query: SqlQuery): Promise<PgResult>;
  queryRaw(query: SqlQuery): Promise<SqlResultSet>;
};

// adapter-pg cannot map the pg_catalog types "char" and name. Re-label them as text before
// it maps the columns, then mark the "char" columns as Character, which the engine expects.
function bridgeCatalogTypes<T extends object>(target: T): T {
  const queryable = target as unknown as Queryable;
  const charColumns = new WeakMap<SqlQuery, number[]>();
  const performIO = queryable.performIO.bind(queryable);
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const chars: number[] = [];
    // A multi-statement script (simple protocol) returns one result per statement, no fields.
    (result.fields ?? []).forEach((field, i) => {
      if (field.dataTypeID === CHAR_OID) chars.push(i);
      if (field.dataTypeID === CHAR_OID || field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
    });
    charColumns.set(query, chars);
    return result;
  };
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return target;
}

function newPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 4 });
  // A shadow database dropped WITH (FORCE) kills idle clients; that must not crash the CLI.
  pool.on("error", () => {});
  return pool;
}

class CliPrismaPg extends PrismaPg {
  constructor(private readonly connectionString: string) {
    super(newPool(connectionString), { disposeExternalPool: true });
  }

  override async connect() {
    const adapter = bridgeCatalogTypes(await super.connect());
    // adapter-pg splits a migration script on every ";", which breaks semicolons inside
    // comments, strings and function bodies. Send it whole: the simple query protocol runs a
    // multi-statement script as one implicit transaction, so a failed migration leaves nothing.
    const pool = adapter.underlyingDriver() as pg.Pool;
    const onError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script) => {
      await pool.query(script).catch(onError);
    };
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolation) => bridgeCatalogTypes(await startTransaction(isolation));
    return adapter;
  }

  // adapter-pg ignores the shadow database name when given a connection string (so the
  // "shadow" would be the main database) and drops it before closing its pool. Use a uniquely
  // named database, close the pool first, then drop it.
  override async connectToShadowDb() {
    const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await this.runAdmin(`CREATE DATABASE "${name}"`);
    const url = new URL(this.connectionString);
    url.pathname = `/${name}`;
    const adapter = await new CliPrismaPg(url.toString()).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await this.runAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return adapter;
  }

  private async runAdmin(sql: string) {
    const client = new pg.Client({ connectionString: this.connectionString });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

export function createCliAdapter(connectionString: string) {
  return new CliPrismaPg(connectionString);
}
