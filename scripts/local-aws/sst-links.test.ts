import { describe, expect, it } from "vitest";
import { linkedName, readSstLinks } from "./sst-links";

const visits = { name: "table-a", type: "sst.aws.Dynamo" };

describe("readSstLinks", () => {
  it("reads one SST_RESOURCE_<Name> variable per link (Linux and macOS)", () => {
    const links = readSstLinks({
      SST_RESOURCE_App: '{"name":"app","stage":"me"}',
      SST_RESOURCE_Visits: JSON.stringify(visits),
      SST_RESOURCE_Empty: "",
      PATH: "/usr/bin",
    });
    expect(links).toEqual({ App: { name: "app", stage: "me" }, Visits: visits });
  });

  it("reads every link from SST_RESOURCES_JSON (Windows, where variable names lose their case)", () => {
    const links = readSstLinks({
      SST_RESOURCES_JSON: JSON.stringify({ App: { name: "app" }, Visits: visits }),
    });
    expect(links).toEqual({ App: { name: "app" }, Visits: visits });
    expect(linkedName(links, "Visits")).toBe("table-a");
  });

  it("lets SST_RESOURCES_JSON win over a variable of the same name, as the sst package does", () => {
    const links = readSstLinks({
      SST_RESOURCE_Visits: JSON.stringify({ name: "from-variable" }),
      SST_RESOURCE_Resume: JSON.stringify({ name: "bucket" }),
      SST_RESOURCES_JSON: JSON.stringify({ Visits: { name: "from-json" } }),
    });
    expect(linkedName(links, "Visits")).toBe("from-json");
    expect(linkedName(links, "Resume")).toBe("bucket");
  });

  it("names the variable that is not JSON", () => {
    expect(() => readSstLinks({ SST_RESOURCES_JSON: "{oops" })).toThrow(
      /SST_RESOURCES_JSON is not valid JSON/,
    );
    expect(() => readSstLinks({ SST_RESOURCE_Resume: "bucket" })).toThrow(
      /SST_RESOURCE_Resume is not valid JSON/,
    );
  });

  it("finds nothing without links", () => {
    expect(readSstLinks({ HOME: "/home/me" })).toEqual({});
    expect(linkedName({}, "Resume")).toBeUndefined();
  });
});
