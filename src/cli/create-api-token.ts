// npm run api-token -- <name> --workspace <T… or id>   (also: `/spur api-token <name>` in Slack)
import { PrismaApiTokenStore } from "../store/api-token-store.ts";
import { argValue, cliDatabase, findWorkspaceId } from "./cli-workspace.ts";

async function main(args: string[]): Promise<number> {
  const workspace = argValue(args, "--workspace");
  const name = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--workspace").join(" ");
  if (!workspace || !name) {
    console.error("Usage: npm run api-token -- <name> --workspace <Slack team id or Spur workspace id>");
    return 2;
  }
  const db = cliDatabase();
  try {
    const { token } = await new PrismaApiTokenStore(db).create(await findWorkspaceId(db, workspace), name, null);
    process.stdout.write(`API token "${name}" (shown once, store it now):\n${token}\n`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main(process.argv.slice(2));
