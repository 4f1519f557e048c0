/** Bankbook's mark: the app icon's open ledger, drawn for the page. */
export function Logo({ size = 56 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" className="logo">
      <rect width="64" height="64" rx="15" fill="var(--brand)" />
      <path
        d="M32 20c-4.6-3-10.4-4-16-3.4v26.8c5.6-.6 11.4.4 16 3.4 4.6-3 10.4-4 16-3.4V16.6C42.4 16 36.6 17 32 20z"
        fill="#fff"
      />
      <path d="M32 20v26.8" stroke="var(--brand)" strokeWidth="2.4" />
      <path
        d="M20 25.5h7.5M20 31h7.5M36.5 25.5H44M36.5 31H44M36.5 36.5H44"
        stroke="var(--brand)"
        strokeWidth="2.4"
        strokeLinecap="round"
      />
    </svg>
  );
}
