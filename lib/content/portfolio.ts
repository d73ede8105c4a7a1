/**
 * ✏️  THIS IS THE FILE TO EDIT: it holds everything the site says about you.
 *
 * Every section of the home page, the resume's download file name and the sample
 * resume PDF of the local stack come from here. The shape is checked by
 * `lib/content/schema.ts` when the site builds; a mistake fails the build with a
 * message naming the field. See docs/content.md.
 *
 * The person below is fictional.
 */
import type { PortfolioInput } from "./schema";

export const portfolio = {
  // Where the site is published: canonical URL, share cards, sitemap and robots.txt use it.
  siteUrl: "https://ada-okafor.example.com",
  name: "Ada Okafor",
  headline: "Senior Software Engineer · Serverless & Distributed Systems",
  location: "Lisbon, Portugal (remote-friendly)",
  availability: "Open to staff-level roles from January 2027",
  summary:
    "I build systems that stay fast and cheap when traffic spikes: event-driven backends on AWS, " +
    "type-safe APIs and the tooling that lets small teams ship every day. I care about latency " +
    "budgets, honest metrics and code the next engineer can read.",
  about: [
    "For the last eight years I have worked where product meets infrastructure: turning slow, expensive " +
      "batch systems into event-driven services, and making them boring to operate.",
    "I like small teams, written design docs and measuring before optimising. Outside work I maintain " +
      "tidewatch, mentor through a local code club and run far too many half marathons.",
  ],
  experience: [
    {
      company: "Northwind Logistics",
      title: "Senior Software Engineer",
      location: "Remote",
      start: "2022-04",
      end: "present",
      highlights: [
        "Moved order tracking from a fleet of EC2 hosts to Lambda and DynamoDB, cutting p99 latency from 900 ms to 120 ms and the bill by 60%.",
        "Designed an idempotent event pipeline that processes 40 million shipment updates a day with no lost or doubled events.",
        "Mentored five engineers; introduced contract tests that caught 30+ breaking API changes before release.",
      ],
    },
    {
      company: "Brightleaf Analytics",
      title: "Software Engineer",
      location: "Porto, Portugal",
      start: "2019-02",
      end: "2022-03",
      highlights: [
        "Built the TypeScript SDK and the React dashboard used by 2,000 customer teams.",
        "Replaced nightly batch reports with streaming aggregates, making data fresh within 30 seconds.",
      ],
    },
    {
      company: "Cobalt Studio",
      title: "Junior Developer",
      start: "2017-06",
      end: "2019-01",
      highlights: ["Shipped twelve client web apps; set up the studio's first CI pipeline."],
    },
  ],
  projects: [
    {
      title: "Serverless portfolio",
      description:
        "This site: Next.js on Lambda via SST, a live visitor counter in DynamoDB and a resume streamed from a private S3 bucket, testable offline.",
      technologies: ["Next.js", "SST", "DynamoDB", "S3", "Playwright"],
      links: [{ label: "Source", url: "https://github.com/example/serverless-portfolio" }],
      image: {
        src: "/images/projects/serverless-portfolio.webp",
        alt: "The portfolio's home page: name, headline and the experience timeline",
        width: 960,
        height: 600,
      },
    },
    {
      title: "tidewatch",
      description:
        "Open-source CLI that replays CloudWatch logs against a local Lambda to reproduce production bugs in minutes.",
      technologies: ["Go", "AWS Lambda", "CloudWatch"],
      links: [{ label: "Source", url: "https://github.com/example/tidewatch" }],
    },
    {
      title: "Rate-limit simulator",
      description:
        "Interactive visualisation of token-bucket and sliding-window limiters under bursty traffic.",
      technologies: ["TypeScript", "React", "D3"],
      links: [{ label: "Demo", url: "https://example.com/rate-limits" }],
    },
  ],
  skills: [
    { group: "Languages", items: ["TypeScript", "Go", "Python", "SQL"] },
    { group: "Cloud", items: ["AWS Lambda", "DynamoDB", "S3", "CloudFront", "SST", "Terraform"] },
    { group: "Frontend", items: ["React", "Next.js", "Accessibility", "Web performance"] },
    { group: "Practices", items: ["Observability", "Load testing", "Incident response", "Mentoring"] },
  ],
  education: [{ school: "University of Porto", degree: "BSc Computer Science", year: 2017 }],
  certifications: [
    { name: "AWS Certified Solutions Architect – Professional", issuer: "Amazon Web Services", year: 2024 },
    { name: "Certified Kubernetes Application Developer", issuer: "The Linux Foundation", year: 2021 },
  ],
  contact: {
    email: "ada.okafor@example.com",
    links: [
      { label: "GitHub", url: "https://github.com/example" },
      { label: "LinkedIn", url: "https://www.linkedin.com/in/example" },
    ],
  },
  resume: { fileName: "Ada-Okafor-Resume.pdf" },
} satisfies PortfolioInput;
