// SST builds the site with a Pulumi command resource whose environment holds the
// deployer's whole environment and every link's properties, the VisitorSalt's value
// included. SST assembles it inside an apply, where Pulumi loses track of what was
// secret, so the stack's state would keep all of it in clear text. Marking the
// environment secret makes Pulumi encrypt it there.

/** Keeps the environment of every command resource created after this call encrypted in state. */
export function encryptBuildEnvironments(): void {
  $util.runtime.registerStackTransformation((args) => {
    if (args.type !== "command:local:Command") return undefined;
    return { props: { ...args.props, environment: $util.secret(args.props.environment) }, opts: args.opts };
  });
}

/**
 * The Router's viewer-request function carries the contact API's origin value (see
 * site.ts). SST writes the function's code inside an apply too, so that value would sit
 * in the state in clear text; this keeps the code encrypted there. (CloudFront itself
 * shows the code only to the account's own principals.)
 */
export function encryptRouterFunctionCode(): void {
  $util.runtime.registerStackTransformation((args) => {
    if (args.type !== "aws:cloudfront/function:Function" || !args.name.endsWith("CloudfrontFunctionRequest"))
      return undefined;
    return { props: { ...args.props, code: $util.secret(args.props.code) }, opts: args.opts };
  });
}
