// Placeholder: replaced by the account feature.
export function AccountView() {
  return <h1>Account</h1>;
}
