import "./categories.css";
/** A category's colour as a small disc. The colour is a presentation attribute of an SVG
 * circle, not a style: the strict CSP allows no inline styles. */
export function CategorySwatch({ colour }: { colour: string }) {
  return (
    <svg className="category-swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      <circle cx="5" cy="5" r="5" fill={colour} />
    </svg>
  );
}
