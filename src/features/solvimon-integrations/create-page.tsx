export function SolvimonCreatePage() {
  return null;
}
