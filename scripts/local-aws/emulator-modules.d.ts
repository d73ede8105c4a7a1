// The emulators ship no type declarations; these cover the parts the launcher uses.
declare module "dynalite" {
  import type { Server } from "node:http";
  export default function dynalite(options?: { path?: string; createTableMs?: number }): Server;
}

declare module "s3rver" {
  import type { AddressInfo } from "node:net";
  export default class S3rver {
    constructor(options: { address?: string; port?: number; silent?: boolean; directory: string });
    run(): Promise<AddressInfo>;
    /** Koa's middleware list; the launcher puts its versioning layer first. */
    middleware: unknown[];
    store: {
      getBucket(bucket: string): Promise<unknown>;
      getResourcePath(bucket: string, key: string, resource: string): string;
      getMetadata(bucket: string, key: string): Promise<{ etag: string; "content-length": number }>;
    };
    close(): Promise<void>;
    /** The running server, to drop keep-alive connections before close(). */
    httpServer?: import("node:http").Server;
  }
}
