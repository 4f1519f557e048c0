/** A quiet activity indicator. Decorative: put what is happening in text next to it. */
export function Spinner({ size = "small" }: { size?: "small" | "large" }) {
  return <span className={`spinner spinner-${size}`} aria-hidden="true" />;
}
