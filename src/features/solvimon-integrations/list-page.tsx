export function SolvimonListPage() {
  return null;
}
