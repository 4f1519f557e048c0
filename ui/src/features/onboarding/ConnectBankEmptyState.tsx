import { Logo } from "../../components/Logo";

const PROMISES = [
  { title: "Read-only", text: "Bankbook can see balances and history. It cannot move money." },
  {
    title: "Your bank's own page",
    text: "You approve access at your bank. Bankbook never sees your password.",
  },
  {
    title: "Kept in your keychain",
    text: "Access tokens stay in your system keychain, not in files.",
  },
];

/** What a new user sees: one clear way forward, and why it is safe. */
export function ConnectBankEmptyState({ onConnect }: { onConnect: () => void }) {
  return (
    <main className="empty-state">
      <Logo size={72} />
      <h1>Connect your bank</h1>
      <p className="lead">
        See every account's balance and your whole transaction history in one calm place. Connecting
        takes a minute in your browser.
      </p>
      <button type="button" className="button primary large" onClick={onConnect}>
        Connect a bank
      </button>
      <ul className="promises">
        {PROMISES.map((promise) => (
          <li key={promise.title}>
            <strong>{promise.title}</strong>
            <span>{promise.text}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
