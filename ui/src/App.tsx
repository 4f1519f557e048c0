import { useState } from "react";
import { ConnectBankEmptyState } from "./features/onboarding/ConnectBankEmptyState";
import { OnboardingDialog } from "./features/onboarding/OnboardingDialog";

export function App() {
  const [onboardingOpen, setOnboardingOpen] = useState(false);
  return (
    <>
      <ConnectBankEmptyState onConnect={() => setOnboardingOpen(true)} />
      <OnboardingDialog open={onboardingOpen} onClose={() => setOnboardingOpen(false)} />
    </>
  );
}
