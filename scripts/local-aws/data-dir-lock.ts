import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Claims a data folder for this process. The DynamoDB emulator's LevelDB store hangs,
 * rather than failing, when a second copy opens the same folder, so the launcher
 * checks first and says what to do. A lock left by a process that died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, "local-aws.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(file, "utf8"));
    if (isAlive(holder)) {
      throw new Error(
        `The local AWS data folder ${dataDir} is in use by another running copy (pid ${holder}). ` +
          "Stop it, or point LOCAL_AWS_DATA_DIR at another folder.",
      );
    }
    rmSync(file, { force: true });
  }
  throw new Error(`Could not claim the local AWS data folder ${dataDir}; try again.`);
}

/** True while a live process holds the folder. */
export function dataDirInUse(dataDir: string): boolean {
  try {
    return isAlive(Number(readFileSync(path.join(dataDir, "local-aws.pid"), "utf8")));
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
