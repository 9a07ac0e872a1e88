// Escaping text for XML and HTML (JUnit files, the run report). Pure, no imports: the k6
// bundles use it too.
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
