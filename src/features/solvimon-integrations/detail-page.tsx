export function SolvimonDetailPage(_props: { id: string }) {
  return null;
}
