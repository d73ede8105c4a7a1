// The resources SST links to a process, read as the `sst` package reads them
// (node_modules/sst/dist/resource/node.js): every `SST_RESOURCE_<Name>` variable, then
// `SST_RESOURCES_JSON`, one object of them all, which wins over same-named variables.
// `sst dev` and `sst shell` use the second form on Windows, where variable names lose
// their case; reading only the first, tools would miss links that are there.

export type Links = Record<string, unknown>;

/** The linked resources by name (`App`, `Visits`, `Resume`…), from either form. */
export function readSstLinks(env: Record<string, string | undefined> = process.env): Links {
  const links: Links = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith("SST_RESOURCE_") && value)
      links[name.slice("SST_RESOURCE_".length)] = parse(name, value);
  }
  if (env.SST_RESOURCES_JSON) Object.assign(links, parse("SST_RESOURCES_JSON", env.SST_RESOURCES_JSON));
  return links;
}

/** A linked resource's `name` property (a table's or bucket's), if it is linked. */
export function linkedName(links: Links, resource: string): string | undefined {
  const linked = links[resource] as { name?: unknown } | undefined;
  return typeof linked?.name === "string" ? linked.name : undefined;
}

function parse(variable: string, value: string): Links {
  try {
    return JSON.parse(value) as Links;
  } catch {
    // The sst package logs and skips it; a tool should say which variable is broken.
    throw new Error(`${variable} is not valid JSON; is it set by sst dev or sst shell?`);
  }
}
