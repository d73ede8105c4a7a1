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
    close(): Promise<void>;
  }
}
