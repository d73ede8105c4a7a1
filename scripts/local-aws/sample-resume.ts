import PDFDocument from "pdfkit";
import type { Portfolio } from "../../lib/content";

/** Renders a plain one-to-two page resume from the content file, so the local sample matches the site. */
export function renderSampleResume(portfolio: Portfolio): Promise<Buffer> {
  // A fixed creation date keeps the bytes identical for identical content.
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: `${portfolio.name} – Resume`, Author: portfolio.name, CreationDate: new Date(0) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("Helvetica-Bold").fontSize(22).text(portfolio.name);
  doc.font("Helvetica").fontSize(12).text(portfolio.headline);
  doc
    .fillColor("#555")
    .text(`${portfolio.location} · ${portfolio.contact.email} · ${portfolio.siteUrl}`)
    .fillColor("#000");
  doc.moveDown().fontSize(10.5).text(portfolio.summary);

  heading(doc, "Experience");
  for (const role of portfolio.experience) {
    doc.font("Helvetica-Bold").fontSize(11).text(`${role.title}, ${role.company}`);
    doc.font("Helvetica").fillColor("#555").text(`${role.start} – ${role.end}`).fillColor("#000");
    for (const highlight of role.highlights) doc.text(`•  ${highlight}`, { indent: 10 });
    doc.moveDown(0.5);
  }

  heading(doc, "Projects");
  for (const project of portfolio.projects) {
    doc.font("Helvetica-Bold").fontSize(11).text(project.title);
    doc.font("Helvetica").text(`${project.description} (${project.technologies.join(", ")})`);
    doc.moveDown(0.5);
  }

  heading(doc, "Skills");
  for (const group of portfolio.skills) doc.fontSize(10.5).text(`${group.group}: ${group.items.join(", ")}`);

  const { education = [], certifications = [] } = portfolio;
  if (education.length > 0) {
    heading(doc, "Education");
    for (const entry of education) doc.text(`${entry.degree}, ${entry.school} (${entry.year})`);
  }

  if (certifications.length > 0) {
    heading(doc, "Certifications");
    for (const cert of certifications) doc.text(`${cert.name}, ${cert.issuer} (${cert.year})`);
  }

  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, title: string): void {
  doc
    .moveDown()
    .font("Helvetica-Bold")
    .fontSize(13)
    .text(title.toUpperCase())
    .font("Helvetica")
    .moveDown(0.3);
}
