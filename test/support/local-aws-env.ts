import { inject } from "vitest";

// Vitest setup file: runs in each test worker before the test file is imported, so
// SDK clients and `Resource` read the emulators' endpoints and names.
Object.assign(process.env, inject("localAwsEnv"), {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
});
