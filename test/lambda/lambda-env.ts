// Vitest setup file for the Lambda contract layer: the variable Lambda sets, so the
// bundle behaves as deployed (trusting CloudFront's viewer-address header).
process.env.AWS_LAMBDA_FUNCTION_NAME = "serverless-portfolio-production-SiteServer";
