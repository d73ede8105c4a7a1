import { getImageProps } from "next/image";
import type { Project } from "@/lib/content";

/**
 * A project's picture, resized and re-encoded by Next's image optimizer, rendered as a
 * plain <img>. getImageProps gives next/image's srcset without its client component,
 * so the page ships no JavaScript for pictures (the counter and the contact form stay the
 * only client components). The inline `color: transparent` next/image adds is left out: the CSP
 * allows no inline styles.
 */
export function ProjectImage({ image }: { image: NonNullable<Project["image"]> }) {
  const { props } = getImageProps({
    src: image.src,
    alt: image.alt,
    width: image.width,
    height: image.height,
    // One column on phones; about a third of the page's 62rem on wide screens.
    sizes: "(max-width: 40rem) 100vw, 20rem",
  });
  // eslint-disable-next-line @next/next/no-img-element -- this is next/image's output, as a plain <img>
  return <img {...props} alt={image.alt} style={undefined} className="project-image" />;
}
