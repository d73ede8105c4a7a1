import { describe, expect, it } from "vitest";
import { signingScope } from "./signature";

describe("signingScope", () => {
  it("reads the key and region from a SigV4 Authorization header", () => {
    const authorization =
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261202/eu-west-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc";
    expect(signingScope({ authorization }, "/")).toEqual({ accessKeyId: "AKIDEXAMPLE", region: "eu-west-1" });
  });

  it("reads them from a presigned URL's X-Amz-Credential", () => {
    const url =
      "/b/resume.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261202%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=abc";
    expect(signingScope({}, url)).toEqual({ accessKeyId: "AKIDEXAMPLE", region: "us-east-1" });
  });

  it("finds no one in an unsigned request", () => {
    expect(signingScope({}, "/b/resume.pdf")).toBeUndefined();
    expect(signingScope({ authorization: "Bearer x" }, "/")).toBeUndefined();
  });
});
