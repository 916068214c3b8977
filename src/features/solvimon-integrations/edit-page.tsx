export function SolvimonEditPage(_props: { id: string }) {
  return null;
}
