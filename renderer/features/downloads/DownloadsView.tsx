// Placeholder: replaced by the downloads feature.
export function DownloadsView() {
  return <h1>Downloads</h1>;
}
