// A driver-adapter factory for the Prisma CLI's JavaScript schema engine on PostgreSQL.
// It works around three issues of @prisma/adapter-pg 6.19.3 when used for migrations:
//  1. prisma/orm#27403: pg_catalog columns of type `name` (oid 19) and `"char"` (oid 18) cannot be
//     deserialized; they are reported as text (oid 25).
//  2. Given a connectionString, the shadow-database pool would connect to the main database; the
//     connection is therefore passed as discrete fields.
//  3. The adapter drops the shadow database while its own pool is still connected; the shadow database
//     is created and dropped here, after its pool is disposed.
//  4. Its executeScript splits a migration on every ";", which breaks dollar-quoted bodies (plpgsql
//     functions); the script is sent whole instead, which PostgreSQL also runs as one transaction.
import { PrismaPg } from "@prisma/adapter-pg";

export interface PgFields {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  allowExitOnIdle: boolean;
}

export function pgFieldsFromUrl(databaseUrl: string): PgFields {
  const u = new URL(databaseUrl);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    // Without it the CLI lingers until pg's idle timeout after finishing.
    allowExitOnIdle: true,
  };
}

const TEXT_OID = 25;
const PATCHED = Symbol.for("spur.nameOidPatch");
const SCRIPT_PATCHED = Symbol.for("spur.wholeScriptPatch");

function reportNameColumnsAsText<T extends object>(adapter: T): T {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const proto: any = Object.getPrototypeOf(Object.getPrototypeOf(adapter));
  if (proto[PATCHED]) return adapter;
  const performIO = proto.performIO;
  proto.performIO = async function (this: unknown, query: unknown) {
    const res = await performIO.call(this, query);
    for (const field of res?.fields ?? []) {
      if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = TEXT_OID;
    }
    return res;
  };
  proto[PATCHED] = true;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- patches adapter-pg internals
  const adapterProto: any = Object.getPrototypeOf(adapter);
  if (!Object.prototype.hasOwnProperty.call(adapterProto, SCRIPT_PATCHED)) {
    adapterProto.executeScript = async function (this: { client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never }, script: string) {
      try {
        await this.client.query(script);
      } catch (error) {
        this.onError(error);
      }
    };
    adapterProto[SCRIPT_PATCHED] = true;
  }
  return adapter;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function migrationAdapterFactory(databaseUrl: () => string) {
  const fields = () => pgFieldsFromUrl(databaseUrl());
  return {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect: async () => reportNameColumnsAsText(await new PrismaPg(fields()).connect()),
    connectToShadowDb: async () => {
      const admin = await new PrismaPg(fields()).connect();
      const database = `prisma_shadow_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
      await admin.executeScript(`CREATE DATABASE ${quoteIdent(database)}`);
      const shadow = reportNameColumnsAsText(await new PrismaPg({ ...fields(), database }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS ${quoteIdent(database)}`);
        await admin.dispose();
      };
      return shadow;
    },
  };
}
