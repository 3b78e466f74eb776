// Placeholder: replaced by the settings feature.
export function SettingsView() {
  return <h1>Settings</h1>;
}
